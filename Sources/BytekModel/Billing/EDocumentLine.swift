import Foundation

/// Codes of catálogo 07 for free transfers (transferencia gratuita, retiros): the buyer pays
/// nothing, the line states a reference value, and it goes under tax scheme 9996 (GRA).
///
/// 11–16 are "gravado" withdrawals: IGV is computed on the reference value (and borne by the
/// issuer, not charged). 21 (exonerado) and 31–37 (inafecto) carry no IGV. Code 17 (IVAP) is an
/// onerous operation with another tax and is not supported.
public enum FreeTransferCode: String, CaseIterable, Sendable, Codable, Hashable {
    case gravadoRetiroPremio = "11"
    case gravadoRetiroDonacion = "12"
    case gravadoRetiro = "13"
    case gravadoRetiroPublicidad = "14"
    case gravadoBonificacion = "15"
    case gravadoRetiroTrabajadores = "16"
    case exoneradoTransferenciaGratuita = "21"
    case inafectoRetiroBonificacion = "31"
    case inafectoRetiro = "32"
    case inafectoMuestrasMedicas = "33"
    case inafectoConvenioColectivo = "34"
    case inafectoRetiroPremio = "35"
    case inafectoRetiroPublicidad = "36"
    case inafectoTransferenciaGratuita = "37"

    /// True for 11–16: IGV (18%) is computed on the reference value.
    public var isTaxed: Bool { rawValue.hasPrefix("1") }
}

/// How IGV applies to a line: an ordinary sale (catálogo 07 codes 10, 20, 30), a free transfer, or an
/// export (40: no IGV, tax scheme 9995, only on a factura of operation type 0200).
public enum LineAffectation: Sendable, Hashable, Codable {
    case onerous(TaxCategory)
    case free(FreeTransferCode)
    case export

    /// The catálogo 07 code.
    public var code: String {
        switch self {
        case .onerous(let c): return c.affectationCode
        case .free(let f): return f.rawValue
        case .export: return "40"
        }
    }

    /// The category the tax engine computes the line as: an export carries no IGV, like an inafecto line.
    public var onerousCategory: TaxCategory? {
        switch self {
        case .onerous(let c): return c
        case .export: return .inafecto
        case .free: return nil
        }
    }

    public var isFree: Bool { if case .free = self { return true } else { return false } }
}

/// One line of an electronic document, as the user typed it.
public struct EDocumentLine: Sendable, Hashable, Codable {
    public var description: String
    /// Greater than zero; up to 10 decimals.
    public var quantity: Decimal
    /// Catálogo 03 unit.
    public var unit: SunatUnit
    /// Price of one unit in the document currency: with IGV when `priceIncludesIGV` (gravado
    /// lines), else without. For a free line, the reference value of one unit without IGV.
    public var unitPrice: Decimal
    public var priceIncludesIGV: Bool
    public var affectation: LineAffectation
    /// The line's own discount (in the price's basis; see `TaxLineInput.discount`). Free lines have none.
    public var discount: Discount
    /// The seller's item code (SellersItemIdentification); omitted when nil or empty.
    public var itemCode: String?
    /// Products, services or subscriptions: detracción on services needs at least one non-product line.
    public var itemKind: ItemKind

    public init(description: String, quantity: Decimal, unit: SunatUnit = .unit, unitPrice: Decimal,
                priceIncludesIGV: Bool = false, affectation: LineAffectation = .onerous(.gravado),
                discount: Discount = .none, itemCode: String? = nil, itemKind: ItemKind = .product) {
        self.description = description; self.quantity = quantity; self.unit = unit; self.unitPrice = unitPrice
        self.priceIncludesIGV = priceIncludesIGV; self.affectation = affectation; self.discount = discount
        self.itemCode = itemCode; self.itemKind = itemKind
    }
}
