import Foundation
import Testing
@testable import BytekModel

@Suite struct AmountInWordsTests {
    @Test(arguments: [
        (0, "cero"), (1, "uno"), (2, "dos"), (15, "quince"), (16, "dieciséis"), (21, "veintiuno"), (22, "veintidós"),
        (30, "treinta"), (31, "treinta y uno"), (99, "noventa y nueve"), (100, "cien"), (101, "ciento uno"),
        (115, "ciento quince"), (500, "quinientos"), (999, "novecientos noventa y nueve"), (1000, "mil"),
        (1001, "mil uno"), (1234, "mil doscientos treinta y cuatro"), (2000, "dos mil"), (21000, "veintiún mil"),
        (31000, "treinta y un mil"), (100_000, "cien mil"), (101_000, "ciento un mil"),
        (999_999, "novecientos noventa y nueve mil novecientos noventa y nueve"), (1_000_000, "un millón"),
        (1_000_001, "un millón uno"), (2_500_000, "dos millones quinientos mil"), (21_000_000, "veintiún millones"),
        (101_000_000, "ciento un millones"), (1_001_000, "un millón mil"),
    ] as [(UInt64, String)])
    func wholeNumbers(n: UInt64, expected: String) {
        #expect(AmountInWords.words(n) == expected)
    }

    @Test func legendsAsPrintedOnInvoices() throws {
        #expect(AmountInWords.legend(Money(minorUnits: 123_450, .pen)) == "SON: MIL DOSCIENTOS TREINTA Y CUATRO CON 50/100 SOLES")
        #expect(AmountInWords.legend(Money(minorUnits: 0, .pen)) == "SON: CERO CON 00/100 SOLES")
        #expect(AmountInWords.legend(Money(minorUnits: 100, .pen)) == "SON: UNO CON 00/100 SOLES")
        #expect(AmountInWords.legend(Money(minorUnits: 2_105, .pen)) == "SON: VEINTIUNO CON 05/100 SOLES")
        #expect(AmountInWords.legend(Money(minorUnits: 10_000, .usd)) == "SON: CIEN CON 00/100 DÓLARES AMERICANOS")
        #expect(AmountInWords.legend(Money(minorUnits: 100_000_000, .pen)) == "SON: UN MILLÓN CON 00/100 SOLES")
        #expect(AmountInWords.legend(Money(minorUnits: 99, .pen)) == "SON: CERO CON 99/100 SOLES")
        #expect(AmountInWords.legend(Money(Decimal(string: "10.005") ?? 0, .pen)) == "SON: DIEZ CON 01/100 SOLES")
    }
}

@Suite struct AmountInWordsBeyondABillionTests {
    @Test(arguments: [
        (1_000_000_000, "mil millones"), (1_500_000_000, "mil quinientos millones"),
        (1_001_000_000, "mil un millones"), (21_000_000_000, "veintiún mil millones"),
        (999_999_999_999, "novecientos noventa y nueve mil novecientos noventa y nueve millones novecientos noventa y nueve mil novecientos noventa y nueve"),
        (1_000_000_000_000, "un billón"), (1_000_001_000_000, "un billón un millón"), (1_000_000_000_001, "un billón uno"),
        (2_000_000_000_000, "dos billones"), (21_000_000_000_000, "veintiún billones"),
    ] as [(UInt64, String)])
    func longScale(n: UInt64, expected: String) {
        #expect(AmountInWords.words(n) == expected)
    }

    @Test func legendAtTheLimit() {
        #expect(AmountInWords.legend(Money(minorUnits: 100_000_000_000_000, .pen)) == "SON: UN BILLÓN CON 00/100 SOLES")
        #expect(AmountInWords.legend(Money(minorUnits: 99_999_999_999_999, .usd))
                == "SON: NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL "
                + "NOVECIENTOS NOVENTA Y NUEVE CON 99/100 DÓLARES AMERICANOS")
    }
}
