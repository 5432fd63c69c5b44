import BytekModel

/// What a click on the top bar picks: a group (its last used module) or one module's tab.
enum TopBarTarget: Equatable {
    case group(Int)
    case module(AppModule)
}

extension App {
    /// One piece of the top bar: its text, whether it is highlighted, and what a click on it picks.
    struct TopBarPiece {
        var text: String
        var active: Bool
        var bold: Bool
        var target: TopBarTarget
    }

    /// The pieces of the top bar at a level of shortening: 0 full names, 1 the other groups as three
    /// letters, 2 the other tabs of the current group too.
    func topBarPieces(level: Int) -> [TopBarPiece] {
        let short = { (text: String) in String(text.prefix(3)) }
        var pieces: [TopBarPiece] = []
        for (i, g) in groups.enumerated() {
            let name = groupTitle(g.group)
            guard g.modules.contains(current) else {
                pieces.append(TopBarPiece(text: " \(i + 1) \(level >= 1 ? short(name) : name) ", active: false, bold: false,
                                          target: .group(i)))
                continue
            }
            pieces.append(TopBarPiece(text: " \(i + 1) \(name):", active: false, bold: true, target: .group(i)))
            for m in g.modules {
                let title = moduleTitle(m)
                let on = m == current
                pieces.append(TopBarPiece(text: " \(on || level < 2 ? title : short(title)) ", active: on, bold: on,
                                          target: .module(m)))
            }
        }
        return pieces
    }

    /// The groups, with the current group's modules as tabs beside its name, then the path of the open
    /// screens. Full names when they fit; else the brand goes, then the other groups and tabs shorten.
    func drawTopBar(_ canvas: inout Canvas) {
        let w = canvas.size.width
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), style: Style(.tab))
        let brand = " BYTEK "
        let width = { (pieces: [TopBarPiece]) in pieces.reduce(0) { $0 + SafeText.width($1.text) } }
        var pieces = topBarPieces(level: 0)
        var x = 0
        if SafeText.width(brand) + 1 + width(pieces) <= w {
            x = canvas.text(brand, x: 0, y: 0, style: Style(.tabActive, bold: true)) + 1
        } else {
            var level = 1
            while width(pieces) > w && level <= 2 { pieces = topBarPieces(level: level); level += 1 }
        }
        tabHitAreas = []
        for piece in pieces {
            let start = x
            x = canvas.text(piece.text, x: x, y: 0, style: piece.active ? Style(.tabActive, bold: true) : Style(.tab, bold: piece.bold),
                            maxWidth: max(0, w - x))
            if x > start { tabHitAreas.append((piece.target, Rect(x: start, y: 0, width: x - start, height: 1))) }
        }
        if let stack = stacks[current], stack.count > 1 {
            let crumb = " › " + stack.dropFirst().map(\.title).joined(separator: " › ")
            let room = max(0, w - x - 2)
            canvas.text(SafeText.truncateAtWord(crumb, to: room), x: x + 1, y: 0, style: Style(.tab), maxWidth: room)
        }
    }
}
