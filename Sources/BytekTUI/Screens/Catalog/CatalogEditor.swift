import BytekModel
import BytekServices
import BytekStore

/// The catalog item form. Rate basis and period are choices with an empty option, so a product
/// leaves both empty, a service picks a rate basis and a subscription a period; the model says
/// which combination is valid. The form shows only the fields the role may change
/// (`PermissionMatrix.access(_:_:)` by `CatalogFieldGroup`); the others keep the stored values.
@MainActor
final class CatalogEditor: RecordEditor {
    let original: CatalogItem?
    let service: CatalogService
    let role: Role
    private let s: Strings

    init(item: CatalogItem?, service: CatalogService, strings: Strings, role: Role = .admin) {
        original = item
        self.service = service
        self.role = role
        s = strings
    }

    /// The group of each field id of the form.
    static let groups: [String: CatalogFieldGroup] = [
        "sku": .identity, "name": .identity, "description": .identity, "unit": .identity, "niche": .identity,
        "kind": .identity, "currency": .salePrice, "price": .salePrice, "rateBasis": .salePrice, "period": .salePrice,
        "taxCategory": .salePrice, "cost": .cost, "uom": .stock, "sunatUnit": .stock, "tracksSerials": .stock,
        "active": .stock,
    ]

    /// Whether the role may change the field `id` (fields of no group are always editable).
    func editable(_ id: String) -> Bool {
        guard let group = CatalogEditor.groups[id] else { return true }
        return PermissionMatrix.canEdit(role, group)
    }

    /// The form's values as the stored item has them, for the fields this role does not see.
    private func storedValues() -> [String: String] {
        guard let i = original else { return [:] }
        return [
            "sku": i.sku, "name": i.name, "description": i.description, "unit": i.unit.rawValue, "niche": i.niche,
            "kind": i.kind.rawValue, "currency": i.currency.rawValue, "price": i.price.plainAmount,
            "cost": i.cost.plainAmount, "rateBasis": i.rateBasis?.rawValue ?? "", "period": i.period?.rawValue ?? "",
            "taxCategory": i.taxCategory.rawValue, "uom": i.uom, "sunatUnit": i.sunatUnit.rawValue,
            "tracksSerials": i.tracksSerials ? "1" : "0", "active": i.active ? "1" : "0",
        ]
    }

    var formName: String { "catalog_item" }
    var recordKey: String { original?.id.map(String.init) ?? DraftRepository.newRecord }
    var title: String { original.map { s["catalog.form.edit"] + ": " + $0.sku } ?? s["catalog.form.new"] }

    func makeFields() -> [FormField] {
        let i = original
        let none = FormOption("", s["word.none"])
        let all: [FormField] = [
            .section(s["catalog.section.item"]),
            .text("sku", "SKU", value: i?.sku ?? "", required: true, width: 20, maxLength: 30, hint: s["catalog.hint.sku"]),
            .text("name", s["catalog.col.name"], value: i?.name ?? "", required: true, width: 50, maxLength: 200),
            .notes("description", s["catalog.field.description"], value: i?.description ?? "", width: 60),
            .choice("unit", s["catalog.col.unit"], options: BusinessUnit.allCases.map { FormOption($0.rawValue, $0.label) },
                    value: i?.unit.rawValue, required: true),
            .text("niche", s["catalog.col.niche"], value: i?.niche ?? "", width: 30, hint: s["catalog.hint.niche"]),
            .choice("kind", s["catalog.col.kind"], options: ItemKind.allCases.map { FormOption($0.rawValue, s["catalog.kind." + $0.rawValue]) },
                    value: i?.kind.rawValue, required: true),
            .section(s["catalog.section.price"]),
            .choice("currency", s["catalog.field.currency"], options: Currency.allCases.map { FormOption($0.rawValue, $0.symbol + " " + $0.rawValue) },
                    value: i?.currency.rawValue),
            .money("price", s["catalog.col.price"], value: i?.price.plainAmount ?? "", required: true),
            .money("cost", s["catalog.field.cost"], value: i?.cost.plainAmount ?? "0.00"),
            .choice("rateBasis", s["catalog.field.rateBasis"], options: [none] + RateBasis.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: i?.rateBasis?.rawValue ?? "", hint: s["catalog.hint.rateBasis"]),
            .choice("period", s["catalog.field.period"], options: [none] + BillingPeriod.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: i?.period?.rawValue ?? "", hint: s["catalog.hint.period"]),
            .choice("taxCategory", s["catalog.field.tax"], options: TaxCategory.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: i?.taxCategory.rawValue),
            .section(s["catalog.section.units"]),
            .text("uom", s["catalog.field.uom"], value: i?.uom ?? "unidad", required: true, width: 16),
            .choice("sunatUnit", s["catalog.field.sunatUnit"], options: SunatUnit.allCases.map { FormOption($0.rawValue, $0.rawValue + " " + $0.displayName) },
                    value: i?.sunatUnit.rawValue),
            .checkbox("tracksSerials", s["catalog.field.serials"], checked: i?.tracksSerials ?? false, hint: s["catalog.hint.serials"]),
            .checkbox("active", s["word.active"], checked: i?.active ?? true),
        ]
        func isSection(_ f: FormField) -> Bool { if case .section = f.kind { return true } else { return false } }
        let shown = all.filter { isSection($0) || editable($0.id) }
        // A section left without fields is dropped too.
        return shown.enumerated().filter { index, field in
            !isSection(field) || (index + 1 < shown.count && !isSection(shown[index + 1]))
        }.map(\.element)
    }

    func save(_ typed: [String: String]) -> SaveOutcome {
        var v = typed
        for (id, value) in storedValues() where !editable(id) { v[id] = value }
        var errors: [String: String] = [:]
        let text = ErrorText(s)
        let currency = Currency(rawValue: v["currency"] ?? "") ?? .pen
        func amount(_ id: String) -> Money {
            let t = (v[id] ?? "").trimmingCharacters(in: .whitespaces)
            if t.isEmpty && id == "cost" { return .zero(currency) }
            do { return try Money.parse(t, currency: currency) } catch { errors[id] = text.money(error); return .zero(currency) }
        }
        let kind = ItemKind(rawValue: v["kind"] ?? "") ?? .product
        let rateBasis = RateBasis(rawValue: v["rateBasis"] ?? "")
        let period = BillingPeriod(rawValue: v["period"] ?? "")
        var item = CatalogItem(
            id: original?.id, sku: v["sku"] ?? "", name: v["name"] ?? "", description: v["description"] ?? "",
            unit: BusinessUnit(rawValue: v["unit"] ?? "") ?? .digital, niche: v["niche"] ?? "", kind: kind,
            uom: v["uom"] ?? "", sunatUnit: SunatUnit(rawValue: v["sunatUnit"] ?? ""), price: amount("price"),
            cost: amount("cost"), rateBasis: rateBasis, period: period,
            taxCategory: TaxCategory(rawValue: v["taxCategory"] ?? "") ?? .gravado,
            tracksSerials: v["tracksSerials"] == "1", active: v["active"] != "0",
            createdAt: original?.createdAt, updatedAt: original?.updatedAt)
        item = item.normalized()
        for (field, error) in item.validate() where errors[CatalogEditor.fieldID(field)] == nil {
            errors[CatalogEditor.fieldID(field)] = text.catalog(error)
        }
        guard errors.isEmpty else { return .invalid(errors) }
        do {
            let saved = original == nil ? try service.create(item) : try service.update(item)
            return .saved(s.format("catalog.saved", saved.sku))
        } catch let e as CatalogRepositoryError {
            if case .duplicateSKU = e { return .failed(text.describe(e), field: "sku") }
            return .failed(text.describe(e), field: nil)
        } catch {
            return .failed(text.describe(error), field: nil)
        }
    }

    static func fieldID(_ f: CatalogField) -> String {
        switch f {
        case .sku: return "sku"
        case .name: return "name"
        case .description: return "description"
        case .uom: return "uom"
        case .price: return "price"
        case .cost: return "cost"
        case .rateBasis: return "rateBasis"
        case .period: return "period"
        case .tracksSerials: return "tracksSerials"
        }
    }
}
