import BytekModel

extension UBLWriter {
    /// How the global discount is stated, split by the base it reduces, as SUNAT's rules read it.
    ///
    /// - The gravado share is catálogo 53 code **02** ("descuentos globales que afectan la base imponible
    ///   del IGV"), over the gravado lines: the IGV TaxSubtotal's TaxableAmount is their sum minus it
    ///   (rule 3277), and LegalMonetaryTotal/LineExtensionAmount is the lines' sum minus it (3278).
    /// - The exonerado and inafecto shares cannot be code 05/06: those are for anticipos and the rules
    ///   reject them without a PrepaidAmount (3282); and the 9997/9998 TaxSubtotals must equal the sum of
    ///   their lines minus only 05/06 (3275/3274). So they are one code **03** ("no afectan la base
    ///   imponible": there is no IGV on those bases), over the exonerado and inafecto lines; it is the
    ///   AllowanceTotalAmount (3300) and comes off the PayableAmount (3280). The total is the same.
    struct GlobalDiscountXML {
        var gravado: Money
        var gravadoBase: Money
        /// The exonerado + inafecto (and export) shares (code 03) and those lines' sum before them.
        var otherBases: Money
        var otherBasesBefore: Money

        init(_ a: EDocumentAmounts) {
            let zero = Money.zero(a.currency)
            func share(_ c: TaxCategory) -> GlobalDiscountShare? { a.globalDiscountShares.first { $0.category == c } }
            gravado = share(.gravado)?.amount ?? zero
            gravadoBase = share(.gravado)?.base ?? zero
            otherBases = (share(.exonerado)?.amount ?? zero) + (share(.inafecto)?.amount ?? zero)
            otherBasesBefore = (share(.exonerado)?.base ?? zero) + (share(.inafecto)?.base ?? zero)
        }
    }
}
