import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek company show|set`: the company profile printed on quotes and contracts (and later on
/// invoices), through `CompanyService`: every member of staff reads it; only an admin changes it.
@MainActor
enum CompanyCommand {
    /// Option → profile field, in the order `show` prints them.
    static var options: [(option: String, label: String, path: WritableKeyPath<CompanyProfile, String>)] { [
        ("--ruc", "RUC", \.ruc), ("--name", "Razón social", \.legalName), ("--trade-name", "Nombre comercial", \.tradeName),
        ("--address", "Dirección", \.address), ("--ubigeo", "Ubigeo", \.ubigeo), ("--district", "Distrito", \.district),
        ("--province", "Provincia", \.province), ("--department", "Departamento", \.department),
        ("--phone", "Teléfono", \.phone), ("--email", "Correo", \.email), ("--web", "Web", \.website),
        ("--logo", "Logo", \.logoPath), ("--representative", "Representante", \.representative),
        ("--representative-doc", "Doc. representante", \.representativeDocument),
    ] }

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else { throw CLIError.usage("falta el subcomando: show o set", command: "company") }
        switch sub {
        case "show":
            try args.finish()
            let profile = try InvoiceCommand.services(context).company.profile()
            if profile.isEmpty {
                Console.out("El perfil de la empresa está vacío. Un admin lo registra con: bytek company set --ruc RUC --name RAZÓN_SOCIAL --address DIRECCIÓN")
                return 0
            }
            print(profile)
            return 0
        case "set":
            var values: [(WritableKeyPath<CompanyProfile, String>, String)] = []
            for o in options { if let v = try args.option(o.option) { values.append((o.path, v)) } }
            try args.finish()
            guard !values.isEmpty else {
                throw CLIError.usage("indique al menos un dato (--ruc, --name, --address...)", command: "company")
            }
            let company = try InvoiceCommand.services(context).company
            var profile = try company.profile()
            for (path, value) in values { profile[keyPath: path] = value }
            let saved: CompanyProfile
            do { saved = try company.save(profile) } catch let e as CompanyProfileError { throw CLIError.failure(message(e)) }
            Console.out("Perfil de la empresa guardado.")
            print(saved)
            return 0
        default:
            throw CLIError.usage("subcomando desconocido: \(sub) (use show o set)", command: "company")
        }
    }

    private static func print(_ profile: CompanyProfile) {
        let opts = options
        let width = opts.map(\.label.count).max() ?? 0
        for o in opts {
            let value = profile[keyPath: o.path]
            Console.out(o.label + ":" + String(repeating: " ", count: width - o.label.count + 2) + (value.isEmpty ? "—" : value))
        }
    }

    static func message(_ e: CompanyProfileError) -> String {
        switch e {
        case .invalidRUC(let problem):
            let why: String
            switch problem {
            case .empty: why = "es obligatorio"
            case .notNumeric: why = "solo lleva dígitos"
            case .wrongLength(let n): why = "debe tener \(n) dígitos"
            case .invalidPrefix(let p): why = "no puede empezar con \(p) (10, 15, 16, 17 o 20)"
            case .checkDigitMismatch: why = "el dígito verificador no corresponde"
            case .notAlphanumeric, .tooLong: why = "no es válido"
            }
            return "RUC: \(why)"
        case .legalNameMissing: return "la razón social es obligatoria (--name)"
        case .addressMissing: return "la dirección es obligatoria (--address)"
        case .invalidUbigeo(let u): return "ubigeo «\(u)» no válido: son 6 dígitos"
        }
    }
}
