import Testing
@testable import BytekModel

@Suite("Customer validation")
struct CustomerValidationTests {
    static let ruc = RUC.complete("2060123456")!

    static func valid() -> Customer {
        Customer(docType: .ruc, docNumber: ruc, legalName: "Inversiones Núñez S.A.C.", email: "ventas@nunez.pe",
                 units: [.infrastructure], creditDays: 30, creditLimit: Money(minorUnits: 500_000, .pen),
                 contacts: [Contact(name: "Ana Pérez", role: "Gerente", email: "ana@nunez.pe")])
    }

    @Test func validCustomerHasNoErrors() {
        #expect(Self.valid().validate().isEmpty)
    }

    @Test func documentErrorsPointAtTheNumber() {
        var c = Self.valid()
        c.docNumber = "20601234560" == Self.ruc ? "20601234561" : "20601234560"
        #expect(c.validate() == [.docNumber: .invalidDocument(.checkDigitMismatch)])
        c.docType = .dni
        c.docNumber = "1234567"
        #expect(c.validate() == [.docNumber: .invalidDocument(.wrongLength(expected: 8))])
        c.docNumber = "12345678"
        #expect(c.validate().isEmpty)
    }

    @Test func requiredAndRanges() {
        var c = Self.valid()
        c.legalName = "  "
        c.email = "no-es-correo"
        c.creditDays = 366
        c.creditLimit = Money(minorUnits: -1, .pen)
        let errors = c.validate()
        #expect(errors[.legalName] == .required)
        #expect(errors[.email] == .invalidEmail)
        #expect(errors[.creditDays] == .outOfRange(0...365))
        #expect(errors[.creditLimit] == .negativeAmount)
        #expect(errors.count == 4)
        c = Self.valid(); c.creditDays = -1
        #expect(c.validate() == [.creditDays: .outOfRange(0...365)])
        c.creditDays = 365
        #expect(c.validate().isEmpty)
    }

    @Test func contacts() {
        var c = Self.valid()
        c.contacts = [Contact(name: "Ana"), Contact(phone: "999888777"), Contact(), Contact(name: "Luis", email: "luis@")]
        #expect(c.validate() == [.contactName(1): .required, .contactEmail(3): .invalidEmail])
        // Blank contact rows are dropped by normalization, so indexes of the saved form are compact.
        #expect(c.normalized().contacts.count == 3)
    }

    @Test func normalization() {
        var c = Self.valid()
        c.docType = .passport
        c.docNumber = " ab12345 "
        c.email = " Ventas@Nunez.PE "
        c.legalName = "  John Smith "
        let n = c.normalized()
        #expect(n.docNumber == "AB12345")
        #expect(n.email == "ventas@nunez.pe")
        #expect(n.legalName == "John Smith")
        #expect(n.validate().isEmpty)
    }

    @Test func emails() {
        for good in ["a@b.pe", "ventas.lima@empresa.com.pe", "x_y+z@sub-dominio.org"] {
            #expect(EmailAddress.isValid(good), "\(good)")
        }
        for bad in ["", "a", "a@", "@b.pe", "a@b", "a b@c.pe", "a@@b.pe", "a@b..pe", "a@-b.pe", "a@b.p"] {
            #expect(!EmailAddress.isValid(bad), "\(bad)")
        }
    }

    @Test func unitsEncodeSorted() {
        #expect(BusinessUnit.encode([.infrastructure, .digital]) == "U1,U3")
        #expect(BusinessUnit.decode("u3; U1 x") == [.digital, .infrastructure])
        #expect(BusinessUnit.digital.label == "U1 Digital")
    }
}
