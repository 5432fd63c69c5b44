/// Catalog items to and from CSV rows with Spanish column names. An exported file imports back to equal
/// items.
public enum CSVCatalogMapping {
    public static let columns = [
        "sku", "nombre", "descripcion", "unidad_negocio", "nicho", "tipo", "unidad_medida", "codigo_sunat", "moneda",
        "precio", "costo", "base_tarifa", "periodo", "categoria_igv", "series", "activo",
    ]
    public static let required = ["sku", "nombre", "unidad_negocio", "tipo", "precio"]
    /// What identifies an item when a file updates the stored ones.
    public static let key = ["sku"]

    /// `updating`: only the SKU is required (an update changes the columns present).
    public static func columnMap(header: [String], updating: Bool = false) throws(CSVHeaderError) -> CSVColumnMap {
        try CSVColumnMap(header: header, known: columns, required: updating ? key : required)
    }

    public static func column(for field: CatalogField) -> String {
        switch field {
        case .sku: return "sku"
        case .name: return "nombre"
        case .description: return "descripcion"
        case .uom: return "unidad_medida"
        case .price: return "precio"
        case .cost: return "costo"
        case .rateBasis: return "base_tarifa"
        case .period: return "periodo"
        case .tracksSerials: return "series"
        }
    }

    static let units: [String: BusinessUnit] = [
        "u1": .digital, "digital": .digital, "u1 digital": .digital,
        "u2": .software, "software": .software, "u2 software": .software,
        "u3": .infrastructure, "infraestructura": .infrastructure, "u3 infraestructura": .infrastructure,
    ]
    static let kinds: [String: ItemKind] = [
        "producto": .product, "product": .product, "servicio": .service, "service": .service,
        "suscripcion": .subscription, "subscription": .subscription,
    ]
    static let bases: [String: RateBasis] = ["hora": .hour, "hour": .hour, "unidad": .unit, "unit": .unit]
    static let periods: [String: BillingPeriod] = [
        "mensual": .monthly, "monthly": .monthly, "trimestral": .quarterly, "quarterly": .quarterly,
        "anual": .annual, "annual": .annual,
    ]
    static let taxes: [String: TaxCategory] = ["gravado": .gravado, "exonerado": .exonerado, "inafecto": .inafecto]
    static let currencies: [String: Currency] = [
        "pen": .pen, "s/": .pen, "soles": .pen, "usd": .usd, "us$": .usd, "$": .usd, "dolares": .usd,
    ]
    static let sunatUnits: [String: SunatUnit] = Dictionary(
        uniqueKeysWithValues: SunatUnit.allCases.map { (TextFold.fold($0.rawValue), $0) })

    /// The word written for each value (folded Spanish, so any spreadsheet keeps it intact).
    static func word(_ kind: ItemKind) -> String {
        switch kind { case .product: "producto"; case .service: "servicio"; case .subscription: "suscripcion" }
    }
    static func word(_ basis: RateBasis?) -> String {
        switch basis { case .hour: "hora"; case .unit: "unidad"; case nil: "" }
    }
    static func word(_ period: BillingPeriod?) -> String {
        switch period { case .monthly: "mensual"; case .quarterly: "trimestral"; case .annual: "anual"; case nil: "" }
    }

    /// The item of one line, normalized and validated by the model's rules, or every problem found.
    public static func item(from record: CSVRecord, columns map: CSVColumnMap) throws(CSVLineError) -> CatalogItem {
        var r = CSVCellReader(map: map, record: record)
        let sku = r.required("sku")
        _ = r.required("nombre")
        let unit = r.choice("unidad_negocio", units, accepted: ["U1", "U2", "U3"], fallback: nil)
        let kind = r.choice("tipo", kinds, accepted: ["producto", "servicio", "suscripcion"], fallback: nil)
        let currency = r.choice("moneda", currencies, accepted: ["PEN", "USD"], fallback: .pen) ?? .pen
        let price = r.money("precio", currency: currency, required: true)
        let cost = r.money("costo", currency: currency, required: false)
        let basisText = r.text("base_tarifa")
        let basis = basisText.isEmpty ? nil : r.choice("base_tarifa", bases, accepted: ["hora", "unidad"], fallback: nil)
        let periodText = r.text("periodo")
        let period = periodText.isEmpty
            ? nil : r.choice("periodo", periods, accepted: ["mensual", "trimestral", "anual"], fallback: nil)
        let tax = r.choice("categoria_igv", taxes, accepted: ["gravado", "exonerado", "inafecto"], fallback: .gravado)
        let sunatText = r.text("codigo_sunat")
        let sunat = sunatText.isEmpty
            ? nil : r.choice("codigo_sunat", sunatUnits, accepted: SunatUnit.allCases.map(\.rawValue), fallback: nil)
        let serials = r.flag("series", fallback: false)
        let active = r.flag("activo", fallback: true)
        let uom = r.text("unidad_medida")

        let item = CatalogItem(
            sku: sku ?? "", name: r.text("nombre"), description: r.text("descripcion"), unit: unit ?? .infrastructure,
            niche: r.text("nicho"), kind: kind ?? .product, uom: uom.isEmpty ? "unidad" : uom, sunatUnit: sunat,
            price: (price ?? .zero(currency)).rounded(), cost: (cost ?? .zero(currency)).rounded(),
            rateBasis: basis, period: period, taxCategory: tax ?? .gravado, tracksSerials: serials ?? false,
            active: active ?? true
        ).normalized()
        let reported = Set(r.problems.map(\.column))
        if kind != nil {
            for (field, error) in item.validate() {
                let column = column(for: field)
                if !reported.contains(column) { r.report(column, .catalog(error)) }
            }
        }
        guard r.problems.isEmpty else {
            throw CSVLineError(r.problems.sorted {
                (columns.firstIndex(of: $0.column) ?? -1) < (columns.firstIndex(of: $1.column) ?? -1)
            })
        }
        return item
    }

    /// The cells of one item, in `columns` order.
    public static func row(_ c: CatalogItem) -> [String] {
        [c.sku, c.name, c.description, c.unit.rawValue, c.niche, word(c.kind), c.uom, c.sunatUnit.rawValue,
         c.currency.rawValue, c.price.plainAmount, c.cost.plainAmount, word(c.rateBasis), word(c.period),
         c.taxCategory.rawValue, CSVWords.flag(c.tracksSerials), CSVWords.flag(c.active)]
    }
}
