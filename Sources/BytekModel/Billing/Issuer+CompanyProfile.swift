extension Issuer {
    /// The issuer from the company profile (`bytek company`): RUC, razón social, trade name (nil when
    /// empty) and the fiscal address with its ubigeo. The profile is what quotes and contracts print; the
    /// e-invoicing settings keep their own copy (`EInvoicingSettings.issuer`), which `invoice settings`
    /// keeps consistent with the profile (same RUC).
    public init(profile: CompanyProfile, establishmentCode: String = "0000") {
        let p = profile.normalized()
        self.init(ruc: p.ruc, legalName: p.legalName, tradeName: p.tradeName.isEmpty ? nil : p.tradeName,
                  address: FiscalAddress(ubigeo: p.ubigeo, line: p.address, district: p.district,
                                         province: p.province, department: p.department),
                  establishmentCode: establishmentCode)
    }
}

extension CompanyProfile {
    /// A profile from the e-invoicing issuer, for a company that configured invoicing before its profile:
    /// RUC, names and fiscal address; contact fields empty.
    public init(issuer: Issuer) {
        self.init(ruc: issuer.ruc, legalName: issuer.legalName, tradeName: issuer.tradeName ?? "",
                  address: issuer.address.line, ubigeo: issuer.address.ubigeo, district: issuer.address.district,
                  province: issuer.address.province, department: issuer.address.department)
    }
}
