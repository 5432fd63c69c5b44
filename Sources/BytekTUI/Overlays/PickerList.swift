/// How a picker overlay draws its filter and its list (the ubigeo picker, the timesheet target picker):
/// "› filtro" with a dim placeholder while empty; the rows, the highlighted one in the selected style and
/// kept in view; a dim line when nothing matches.
@MainActor
enum PickerList {
    /// The filter field on row `y` of `box`, `placeholder` while it is empty.
    static func drawFilter(_ canvas: inout Canvas, box: Rect, y: Int, filter: TextInput, placeholder: String) {
        canvas.text("›", x: box.x + 2, y: y, style: Style(.accent, bold: true))
        var field = filter
        field.render(&canvas, in: Rect(x: box.x + 4, y: y, width: box.width - 6, height: 1), focused: true)
        if filter.isEmpty {
            canvas.text(placeholder, x: box.x + 5, y: y, style: Style(.dim), maxWidth: box.width - 7)
        }
    }

    /// `items` from row `top` of `box` over `rows` rows, `selected` highlighted and scrolled into view
    /// (`scroll`, the first row shown, is kept by the picker between draws); `empty` when there are none.
    static func drawRows<Item>(_ canvas: inout Canvas, box: Rect, top: Int, rows: Int, items: [Item], selected: Int,
                               scroll: inout Int, empty: String, line: (Item) -> String) {
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
        for (i, item) in items.enumerated().dropFirst(scroll).prefix(rows) {
            let y = top + i - scroll
            let style = Style(i == selected ? .selected : .overlay, bold: i == selected)
            canvas.fill(Rect(x: box.x + 2, y: y, width: box.width - 4, height: 1), style: style)
            canvas.text(line(item), x: box.x + 2, y: y, style: style, maxWidth: box.width - 4)
        }
        if items.isEmpty {
            canvas.text(empty, x: box.x + 3, y: top, style: Style(.dim), maxWidth: box.width - 6)
        }
    }
}
