import BytekModel
import Foundation

/// The data a contract is filled in with, from an accepted quote version. `scopeHash` is the
/// SHA-256 (hex) of the scope text as the sales model recorded it; it is printed in every page's
/// footer so a printed contract can be matched to the exact scope it locked.
public struct ContractDocument: Sendable, Hashable {
    public var company: CompanyInfo
    public var customer: DocumentCustomer
    /// "CTR-2026-00001".
    public var number: String
    public var quoteNumber: String
    public var quoteVersion: Int
    public var date: DocumentDate
    public var city: String
    public var total: Money
    /// The quote lines as the scope list: "Desarrollo del módulo X — 120 horas".
    public var scope: [String]
    public var milestones: [DocumentMilestone]
    public var paymentTerms: String
    public var deliveryTime: String
    public var scopeHash: String

    public init(company: CompanyInfo, customer: DocumentCustomer, number: String, quoteNumber: String,
                quoteVersion: Int, date: DocumentDate, city: String = "Lima", total: Money, scope: [String],
                milestones: [DocumentMilestone], paymentTerms: String, deliveryTime: String, scopeHash: String) {
        self.company = company
        self.customer = customer
        self.number = number
        self.quoteNumber = quoteNumber
        self.quoteVersion = quoteVersion
        self.date = date
        self.city = city
        self.total = total
        self.scope = scope
        self.milestones = milestones
        self.paymentTerms = paymentTerms
        self.deliveryTime = deliveryTime
        self.scopeHash = scopeHash
    }

    /// Every placeholder a template may use, with its value for this contract.
    public var placeholderValues: [String: ContractValue] {
        let c = company
        let k = customer
        return [
            "empresa.razon_social": .text(c.legalName),
            "empresa.nombre_comercial": .text(c.displayName),
            "empresa.ruc": .text(c.ruc),
            "empresa.direccion": .text(c.address),
            "empresa.representante": .text(c.representative),
            "empresa.representante_documento": .text(c.representativeDocument),
            "cliente.razon_social": .text(k.name),
            "cliente.documento": .text(k.documentLabel),
            "cliente.direccion": .text(k.address),
            "cliente.representante": .text(k.representative.isEmpty ? k.contactName : k.representative),
            "cliente.representante_documento": .text(k.representativeDocument),
            "contrato.numero": .text(number),
            "cotizacion.numero": .text(quoteNumber),
            "cotizacion.version": .text(String(quoteVersion)),
            "precio_total": .text(total.formatted),
            "moneda": .text("\(total.currency.displayName.lowercased()) (\(total.currency.symbol))"),
            "fecha": .text(date.longSpanish),
            "ciudad": .text(city),
            "plazo_entrega": .text(deliveryTime),
            "condiciones_pago": .text(paymentTerms),
            "hash_alcance": .text(scopeHash),
            "alcance": .list(scope),
            "hitos": .milestones(milestones, total.currency),
            "firma_empresa": .signature([c.representative.isEmpty ? c.legalName : c.representative,
                                         c.representativeDocument, "p. \(c.legalName)", "EL PROVEEDOR"]),
            "firma_cliente": .signature([k.representative.isEmpty ? k.name : k.representative,
                                         k.representativeDocument, "p. \(k.name)", "EL CLIENTE"]),
        ]
    }
}
