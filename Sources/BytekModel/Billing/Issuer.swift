/// A fiscal address as SUNAT registers it: ubigeo (INEI, 6 digits), street line, district,
/// province and department, country code (ISO 3166, "PE").
public struct FiscalAddress: Sendable, Hashable, Codable {
    public var ubigeo: String
    public var line: String
    public var district: String
    public var province: String
    public var department: String
    public var countryCode: String

    public init(ubigeo: String, line: String, district: String, province: String, department: String,
                countryCode: String = "PE") {
        self.ubigeo = ubigeo; self.line = line; self.district = district; self.province = province
        self.department = department; self.countryCode = countryCode
    }
}

/// The company that issues the documents (emisor).
public struct Issuer: Sendable, Hashable, Codable {
    public var ruc: String
    /// Razón social, as registered with SUNAT.
    public var legalName: String
    /// Nombre comercial; omitted from the XML when nil or empty.
    public var tradeName: String?
    public var address: FiscalAddress
    /// Código de establecimiento anexo (SUNAT "código de local"): "0000" for the fiscal address.
    public var establishmentCode: String

    public init(ruc: String, legalName: String, tradeName: String? = nil, address: FiscalAddress,
                establishmentCode: String = "0000") {
        self.ruc = ruc; self.legalName = legalName; self.tradeName = tradeName; self.address = address
        self.establishmentCode = establishmentCode
    }
}
