import Foundation

/// BYTEK's own company data: what quotes, contracts and (later) SUNAT documents print as the
/// issuer. Generic on purpose: the same fields serve every document.
public struct CompanyProfile: Sendable, Hashable, Codable {
    /// 11 digits, valid check digit (see `validate()`).
    public var ruc: String
    /// Razón social.
    public var legalName: String
    /// Nombre comercial; may be empty.
    public var tradeName: String
    /// Domicilio fiscal, one line.
    public var address: String
    /// SUNAT's ubigeo code of the fiscal address (6 digits); may be empty until invoicing needs it.
    public var ubigeo: String
    public var district: String
    public var province: String
    public var department: String
    public var phone: String
    public var email: String
    public var website: String
    /// A PNG; a relative path is read from the data folder. Empty means no logo.
    public var logoPath: String
    /// The legal representative, who signs contracts.
    public var representative: String
    /// Their document, as printed ("DNI 41234567").
    public var representativeDocument: String

    public init(ruc: String = "", legalName: String = "", tradeName: String = "", address: String = "",
                ubigeo: String = "", district: String = "", province: String = "", department: String = "",
                phone: String = "", email: String = "", website: String = "", logoPath: String = "",
                representative: String = "", representativeDocument: String = "") {
        self.ruc = ruc; self.legalName = legalName; self.tradeName = tradeName; self.address = address
        self.ubigeo = ubigeo; self.district = district; self.province = province; self.department = department
        self.phone = phone; self.email = email; self.website = website; self.logoPath = logoPath
        self.representative = representative; self.representativeDocument = representativeDocument
    }

    /// The trade name, or the legal name when there is none.
    public var displayName: String { tradeName.isEmpty ? legalName : tradeName }

    /// True when nothing has been set yet (a fresh installation).
    public var isEmpty: Bool { ruc.isEmpty && legalName.isEmpty }

    /// The same profile with surrounding spaces removed from every field.
    public func normalized() -> CompanyProfile {
        func t(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
        return CompanyProfile(ruc: t(ruc), legalName: t(legalName), tradeName: t(tradeName), address: t(address),
                              ubigeo: t(ubigeo), district: t(district), province: t(province),
                              department: t(department), phone: t(phone), email: t(email), website: t(website),
                              logoPath: t(logoPath), representative: t(representative),
                              representativeDocument: t(representativeDocument))
    }

    /// A valid RUC, a legal name and an address (what every document header needs); the ubigeo,
    /// when given, is 6 digits.
    public func validate() throws(CompanyProfileError) {
        if let problem = DocumentType.ruc.validate(ruc) { throw .invalidRUC(problem) }
        guard !legalName.trimmingCharacters(in: .whitespaces).isEmpty else { throw .legalNameMissing }
        guard !address.trimmingCharacters(in: .whitespaces).isEmpty else { throw .addressMissing }
        if !ubigeo.isEmpty, !(ubigeo.count == 6 && ubigeo.allSatisfy(\.isASCIIDigit)) { throw .invalidUbigeo(ubigeo) }
    }
}

/// Why a company profile is refused. The CLI and the TUI turn each case into Spanish text.
public enum CompanyProfileError: Error, Sendable, Hashable {
    case invalidRUC(DocumentError)
    case legalNameMissing
    case addressMissing
    case invalidUbigeo(String)
}
