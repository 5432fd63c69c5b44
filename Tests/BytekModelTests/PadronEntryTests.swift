import BytekModel
import Testing

@Suite struct PadronEntryTests {
    @Test func addressFollowsSunatsOrderAndLeavesEmptyPartsOut() {
        let street = PadronAddress(tipoVia: "CAL.", nombreVia: "CENTENARIO", codigoZona: "URB.",
                                   tipoZona: "LAS LADERAS DE MELGAREJO", numero: "156", interior: "501", departamento: "3")
        #expect(street.text == "CAL. CENTENARIO NRO. 156 DPTO. 3 INT. 501 URB. LAS LADERAS DE MELGAREJO")
        let lot = PadronAddress(tipoVia: "-", codigoZona: "A.H.", tipoZona: "SEÑOR DE LOS MILAGROS", lote: "12",
                                manzana: "B", kilometro: nil)
        #expect(lot.text == "MZA. B LOTE. 12 A.H. SEÑOR DE LOS MILAGROS", "a street type without a street name is dropped")
        #expect(PadronAddress().text == "")
        #expect(PadronAddress.part("----") == nil && PadronAddress.part(" - ") == nil && PadronAddress.part(" 12 ") == "12")
    }

    @Test func onlyActiveAndHabidoPassesWithoutWarning() {
        func entry(_ estado: String, _ condicion: String) -> PadronEntry {
            PadronEntry(ruc: "20100047218", razonSocial: "X", estado: estado, condicion: condicion, ubigeo: "150114",
                        address: PadronAddress(tipoVia: "AV.", nombreVia: "GRAU", numero: "1"))
        }
        #expect(entry("ACTIVO", "HABIDO").isActiveAndHabido)
        #expect(!entry("ACTIVO", "NO HABIDO").isActiveAndHabido)
        #expect(!entry("BAJA DE OFICIO", "HABIDO").isActiveAndHabido)
        #expect(!entry("SUSPENSION TEMPORAL", "NO HALLADO").isActiveAndHabido)
        let fill = entry("ACTIVO", "HABIDO").formFill
        #expect(fill == PadronFormFill(razonSocial: "X", direccion: "AV. GRAU NRO. 1", ubigeo: "150114"))
    }
}

@Suite struct RUCNumberTests {
    /// The numeric check digit the padrón's byte loops use agrees with the text one on every prefix.
    @Test func numericCheckDigitAgreesWithTheTextOne() {
        for firstTen in ["2010004721", "2013131295", "1040506070", "1000000000", "1709999999", "1500000001", "2060000001"] {
            #expect(RUC.checkDigit(firstTen: Int64(firstTen) ?? 0) == Int64(RUC.checkDigit(firstTen) ?? -1), "\(firstTen)")
        }
    }
}
