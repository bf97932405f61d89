"""The key-figures page of the PDF: figure cards, and a bar chart for each series that compares."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from presskit.document import Figure as KeyFigure
from presskit.renderers.pdf.parts import Context, para, tagged
from presskit.renderers.pdf.setup import color
from presskit.renderers.pdf.tags import Figure, Group
from presskit.typesetting import labels
from presskit.typesetting.figures import chart_scale, charted_series, figure_number, split_value
from presskit.typesetting.inline import escape, typography

COLUMNS = 3


def figures_page(ctx: Context) -> list[Flowable]:
    """The heading, the cards of the single figures, then one chart per compared series."""
    figures = ctx.document.figures
    if not figures:
        return []
    charted = charted_series(figures)
    in_chart = {id(f) for _, items in charted for f in items}
    singles = [f for f in figures if id(f) not in in_chart]
    story: list[Flowable] = [para(ctx, labels.label(ctx.lang, "key_figures"), "section", outline=1)]
    if singles:
        story.append(_cards(ctx, singles))
    for title, items in charted:
        chart = Figure(chart_drawing(ctx, items), chart_alt(ctx, title, items), labels.lang_tag(ctx.lang))
        story.append(KeepTogether([para(ctx, title, "chart_title"), chart]))
    return story


def chart_alt(ctx: Context, title: str, figures: list[KeyFigure]) -> str:
    """The chart's alternative text: its title and every bar's label and value."""
    return labels.chart_alt(title, figures, ctx.lang)


def _card(ctx: Context, figure: KeyFigure, width: float, row: Group) -> list[Flowable]:
    """One figure: its qualifier small, its number large (smaller if it would not fit), its label.

    Tagged as a table row: the value a data cell, the label below it the row's header cell.
    """
    qualifier, number = split_value(typography.apply(figure.value, ctx.lang))
    value, header = Group("TD", row), Group("TH", row, scope="Row")
    flowables = [tagged(ctx, Paragraph(escape(qualifier) or "&nbsp;", ctx.styles["fig_qualifier"]), value),
                 tagged(ctx, Paragraph(escape(number), _fitted(ctx.styles["fig_value"], number, width)),
                        value)]
    flowables.append(para(ctx, figure.label, "fig_label", parent=header))
    return flowables


def _fitted(style: ParagraphStyle, text: str, width: float) -> ParagraphStyle:
    """`style`, its size cut down so that `text` (one unbreakable amount) fits in `width`."""
    needed = stringWidth(text, style.fontName, style.fontSize)
    if needed <= width:
        return style
    scale = width / needed * 0.98
    return ParagraphStyle(f"{style.name}Fitted", parent=style, fontSize=style.fontSize * scale,
                          leading=style.leading * scale)


def _cards(ctx: Context, figures: list[KeyFigure]) -> Table:
    """The single figures in a grid of three columns, each under a thin accent rule."""
    gap = 6 * mm
    width = (ctx.width - gap * (COLUMNS - 1)) / COLUMNS
    table_group = Group("Table", lang=labels.lang_tag(ctx.lang))
    cells = [_card(ctx, f, width, Group("TR", table_group)) for f in figures]
    rows = [cells[i:i + COLUMNS] for i in range(0, len(cells), COLUMNS)]
    rows[-1] += [""] * (COLUMNS - len(rows[-1]))
    widths = [w for i in range(COLUMNS) for w in ([width] if i == 0 else [gap, width])]
    grid = [[cell for i, c in enumerate(row) for cell in ([c] if i == 0 else ["", c])] for row in rows]
    table = Table(grid, colWidths=widths, hAlign="LEFT")
    commands = [("FONTNAME", (0, 0), (-1, -1), ctx.fonts["regular"]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 18)]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell:
                commands.append(("LINEABOVE", (2 * c, r), (2 * c, r), 1.5, color(ctx.theme.accent)))
    table.setStyle(TableStyle(commands))
    return table


def chart_drawing(ctx: Context, figures: list[KeyFigure]) -> Drawing:
    """A calm vertical bar chart: brand-coloured bars, values on top, light gridlines."""
    values = [figure_number(f.value) or 0.0 for f in figures]
    top, step = chart_scale(values)
    width, height = min(ctx.width, 40 * mm * len(figures) + 30 * mm), 62 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 22, 26, width - 30, height - 44
    chart.data = [values]
    chart.categoryAxis.categoryNames = [typography.apply(f.label, ctx.lang) for f in figures]
    _style_chart(ctx, chart, top, step)
    drawing.add(chart)
    drawing.add(Line(chart.x, chart.y, chart.x + chart.width, chart.y,
                     strokeColor=color(ctx.theme.muted, 0.3), strokeWidth=0.8))
    drawing._presskit_chart = True
    return drawing


def _style_chart(ctx: Context, chart: VerticalBarChart, top: float, step: float) -> None:
    """Fonts, colours, axis and labels of the bar chart."""
    regular, bold = ctx.fonts["regular"], ctx.fonts["bold"]
    chart.bars[0].fillColor = color(ctx.theme.primary)
    chart.bars[0].strokeColor = None
    chart.barWidth, chart.groupSpacing = 10, 14
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.visibleAxis = chart.valueAxis.visibleTicks = 0
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = color(ctx.theme.muted, 0.75)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = regular, 7.5
    chart.valueAxis.labels.fillColor = color(ctx.theme.muted)
    chart.valueAxis.labelTextFormat = lambda v: f"{v:g}"
    chart.categoryAxis.visibleAxis = chart.categoryAxis.visibleTicks = 0
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = regular, 9
    chart.categoryAxis.labels.fillColor = color(ctx.theme.text)
    chart.categoryAxis.labels.dy = -6
    chart.barLabelFormat = lambda v: f"{v:g}"
    chart.barLabels.fontName, chart.barLabels.fontSize = bold, 10
    chart.barLabels.fillColor = color(ctx.theme.text)
    chart.barLabels.nudge = 7
