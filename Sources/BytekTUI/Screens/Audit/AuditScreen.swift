import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Auditoría: every change of business data, newest first, filtered by entity, action, user
/// and free text; the detail shows the door it came through and which fields changed (before → after).
@MainActor
final class AuditScreen: Screen {
    let audit: AuditService
    let users: [String]
    private var filter = AuditFilter()
    private let pane: ListPane
    private let strings: Strings
    private let formats: Formats
    private var detail = DetailCache<AuditEntry>()

    static let entities = AuditEntity.all

    init(audit: AuditService, strings: Strings) {
        self.audit = audit
        users = (try? audit.logins()) ?? []
        self.strings = strings
        formats = Formats(language: strings.language)
        let table = Table(columns: AuditScreen.columns(strings), source: ArrayRowSource([]),
                          emptyMessage: strings["audit.empty"])
        pane = ListPane(title: strings["module.audit"], table: table)
        pane.detailWidth = 40
        pane.onFilterChange = { [weak self] text in self?.apply { $0.text = text.isEmpty ? nil : text } }
        apply { _ in }
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["audit.col.at"], width: 16),
            TableColumn(s["audit.col.user"], width: 11),
            // As wide as the longest entity name, so none is cut ("Oportunidad", "Comprobante").
            TableColumn(s["audit.col.entity"], width: AuditScreen.entities.map { SafeText.width(s["audit.entity." + $0]) }.max() ?? 8),
            .words(s["audit.col.action"], width: 13),
            TableColumn(s["audit.col.summary"], weight: 1, minWidth: 12),
        ]
    }

    var title: String { strings["module.audit"] }
    var capturesText: Bool { pane.filtering }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("/")], strings["key.search"], help: strings["audit.help.search"]),
            KeyBinding([.char("e")], strings["audit.col.entity"], help: strings["audit.help.entity"]),
            KeyBinding([.char("a")], strings["audit.col.action"], help: strings["audit.help.action"]),
            KeyBinding([.char("u")], strings["audit.col.user"], help: strings["audit.help.user"]),
            KeyBinding([.char("x")], strings["audit.clear"], help: strings["audit.help.clear"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if pane.filtering { return pane.handle(event) ? .handled : .ignored }
        switch event {
        case .key(.char("e")):
            apply { $0.entity = AuditScreen.cycle($0.entity, AuditScreen.entities) }
        case .key(.char("a")):
            apply { f in
                let next = AuditScreen.cycle(f.action?.rawValue, AuditAction.allCases.map(\.rawValue))
                f.action = next.flatMap(AuditAction.init(rawValue:))
            }
        case .key(.char("u")):
            apply { $0.user = AuditScreen.cycle($0.user, users) }
        case .key(.char("x")):
            pane.filter = TextInput()
            apply { $0 = AuditFilter() }
        default:
            return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    /// nil → first → second → … → last → nil.
    static func cycle(_ current: String?, _ values: [String]) -> String? {
        guard let current, let i = values.firstIndex(of: current) else { return values.first }
        return i + 1 < values.count ? values[i + 1] : nil
    }

    private func apply(_ change: (inout AuditFilter) -> Void) {
        change(&filter)
        let s = strings, f = formats
        guard let pager = try? audit.pager(filter) else { return }
        let source = PagerRowSource(pager: pager, id: { $0.id }) { e in
            ([f.dateTime(e.at), e.user, s["audit.entity." + e.entity], s["audit.action." + e.action.rawValue], e.summary], nil)
        }
        pane.table.setSource(source)
        pane.table.footerText = filterDescription
        detail.invalidate()
    }

    private var filterDescription: String {
        var parts: [String] = []
        if let e = filter.entity { parts.append(strings["audit.col.entity"] + ": " + strings["audit.entity." + e]) }
        if let a = filter.action { parts.append(strings["audit.col.action"] + ": " + strings["audit.action." + a.rawValue]) }
        if let u = filter.user { parts.append(strings["audit.col.user"] + ": " + u) }
        return parts.joined(separator: " · ")
    }

    func reload(context: AppContext) {
        pane.table.reload()
        detail.invalidate()
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        pane.render(&canvas, in: rect, strings: strings) { [self] c, r in renderDetail(&c, r) }
    }

    private func renderDetail(_ canvas: inout Canvas, _ rect: Rect) {
        guard let e = detail.value(for: pane.table.selectedID, load: { try? audit.entry($0) }) else { return }
        let changes = AuditDiff.changes(before: e.before, after: e.after)
        let lines = changes.map { c in "\(c.field): \(c.before ?? "—") → \(c.after ?? "—")" }
        DetailPane(
            title: strings["audit.detail"],
            lines: [
                (strings["audit.col.at"], formats.dateTime(e.at)),
                (strings["audit.col.user"], e.user),
                // Entries older than the door column have none: the line stays empty.
                (strings["audit.col.door"], e.door.map { strings["audit.door." + $0.rawValue] } ?? ""),
                (strings["audit.col.entity"], strings["audit.entity." + e.entity] + (e.entityId.map { " #\($0)" } ?? "")),
                (strings["audit.col.action"], strings["audit.action." + e.action.rawValue]),
                (strings["audit.col.summary"], e.summary),
            ],
            sections: lines.isEmpty ? [] : [(strings["audit.changes"], lines)]
        ).render(&canvas, in: rect)
    }
}

/// The fields that differ between two JSON objects of an audit entry.
enum AuditDiff {
    struct Change: Equatable { var field: String; var before: String?; var after: String? }

    static func changes(before: String?, after: String?) -> [Change] {
        let b = flatten(before), a = flatten(after)
        let keys = Set(b.keys).union(a.keys).sorted()
        return keys.compactMap { k in
            b[k] == a[k] || k == "updatedAt" || k == "createdAt" ? nil : Change(field: k, before: b[k], after: a[k])
        }
    }

    static func flatten(_ json: String?) -> [String: String] {
        guard let json, let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in object {
            switch v {
            case let s as String: out[k] = s
            case let n as NSNumber: out[k] = n.stringValue
            case let arr as [Any]: out[k] = arr.map { "\($0)" }.joined(separator: ", ")
            case let obj as [String: Any]: out[k] = obj.keys.sorted().map { "\($0)=\(obj[$0] ?? "")" }.joined(separator: " ")
            default: out[k] = "\(v)"
            }
        }
        return out
    }
}
