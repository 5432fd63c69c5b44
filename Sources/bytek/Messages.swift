import BytekGateways
import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Spanish text for the errors the commands meet. The model and the store keep errors as enums; this is
/// where they become words.
enum Messages {
    static func text(_ error: any Error) -> String {
        switch error {
        case let e as CLIError:
            switch e { case .usage(let m, _), .failure(let m): return m }
        case let e as UserRepositoryError: return text(e)
        case let e as ExchangeRateError: return e.message
        case let e as ReceivableError: return e.message
        case let e as PeriodError: return e.message
        case let e as CalendarError: return e.message
        case let e as HolidayError: return e.message
        case let e as ProjectError: return e.message
        case let e as ProjectGateError: return e.message
        case let e as GateLiftError: return e.message
        case let e as MilestoneServiceError: return e.message
        case let e as TimesheetError: return e.message
        case let e as BankStatementError: return e.message
        case let e as CreditLimitError: return e.message
        case let e as CardError: return e.message
        case let e as GatewayError: return e.message
        case let e as PortalInvitations.Problem: return e.description
        case let e as PortalRepositoryError: return e.description
        case FirstUserError.mustBeAdmin: return "la base de datos no tiene usuarios: el primero debe tener el rol admin"
        case OffsiteCommandProblem.containsSecret:
            return "el comando contiene un secreto; el comando se guarda en la base de datos: deje la clave "
                + "en un archivo del programa (p. ej. --password-file de restic) o en su configuración"
        case let e as Migrator.Failure: return text(e)
        case let e as BackupError: return text(e)
        case let e as CSVError: return text(e)
        case let e as CSVHeaderError: return "línea 1: " + text(e)
        case let e as CustomerRepositoryError: return text(e)
        case let e as CatalogRepositoryError: return text(e)
        case let e as ServiceError: return refusal(e)
        case let e as EDocumentError: return e.message
        case let e as BatchDocumentError: return e.message
        case let e as QuoteInvoicingError: return e.message
        case let e as RecurringError: return e.message
        case let e as RecurringServiceError: return e.message
        case let e as ReminderPolicyError: return e.message
        case let e as ReminderStoreError: return e.message
        case let e as EInvoicingSettingsError: return e.message
        case let e as SSHKeyError:
            if case .notFound = e { return (SSHKeyAccess.message(e) ?? "") + " (vea «bytek ssh-keys list»)" }
            return SSHKeyAccess.message(e) ?? "\(e)"
        case let e where SSHKeyAccess.message(e) != nil: return SSHKeyAccess.message(e)!
        case let e as SecretsError: return e.message
        case let e as ScheduleRule.ParseError: return "regla de programación no válida (\(e))"
        case let e as DatabaseError:
            if e.isBusy { return "la base de datos está ocupada por otro proceso; intente de nuevo (\(e.message))" }
            return "error de la base de datos: \(e.message)"
        case let e as CocoaError:
            return "error de archivo: \(e.localizedDescription)"
        default:
            return String(describing: error)
        }
    }

    /// An operation refused by the operations layer, in the words the commands used before it:
    /// "el usuario «ana» (rol ventas) no tiene permiso para modificar Facturación (comprobante.emitir)".
    static func refusal(_ e: ServiceError, login: String? = nil) -> String {
        switch e {
        case .notFound: return "no existe el registro o no está a su alcance"
        case .forbidden("catalogo.importar", let role?):
            return "el rol \(role.displayName) no puede importar el catálogo: la importación fija precios de venta y costos"
        case .forbidden(let name, let role)
            where BytekServices.Operation.all.first(where: { $0.name == name }).map(Messages.isAdminOnly) == true:
            let who = login.map { "el usuario «\($0)» (rol \(role?.displayName ?? "ninguno"))" } ?? "su rol (\(role?.displayName ?? "ninguno"))"
            return "\(who) no es admin; este comando requiere el rol admin"
        case .forbidden(let name, let role):
            let roleName = role?.displayName ?? "ninguno"
            let who = login.map { "el usuario «\($0)» (rol \(roleName))" } ?? "el rol \(roleName)"
            guard let op = BytekServices.Operation.all.first(where: { $0.name == name }) else {
                return "\(who) no tiene permiso para «\(name)»"
            }
            return "\(who) no tiene permiso para \(op.access == .write ? "modificar" : "ver") \(moduleName(op.module)) (\(name))"
        }
    }

    /// An operation only admins may do (users, keys, backups…): its refusal says so.
    static func isAdminOnly(_ op: BytekServices.Operation) -> Bool {
        op.rule != nil && Role.allCases.filter(op.allows) == [.admin]
    }

    static func moduleName(_ module: AppModule) -> String {
        switch module {
        case .customers: return "Clientes"
        case .catalog: return "Catálogo"
        case .audit: return "Auditoría"
        case .jobs: return "Tareas"
        case .sales: return "Ventas"
        case .quotes: return "Cotizaciones"
        case .billing: return "Facturación"
        case .users: return "Usuarios"
        case .exchangeRates: return "Tipo de cambio"
        case .receivables: return "Cobranzas"
        case .recurring: return "Recurrentes"
        case .salesRegister: return "Registro de ventas"
        case .projects: return "Proyectos"
        case .timesheets: return "Horas"
        }
    }

    static func text(_ e: UserRepositoryError) -> String {
        switch e {
        case .invalid(let errors):
            return errors.sorted { "\($0.key)" < "\($1.key)" }.map { field, error in
                let name = field == .login ? "usuario" : field == .name ? "nombre" : "rol"
                switch error {
                case .required: return "\(name): es obligatorio"
                case .invalidLogin: return "\(name): use de 1 a 32 letras minúsculas, dígitos, «.», «_» o «-»"
                }
            }.joined(separator: "; ")
        case .duplicateLogin(let login): return "ya existe el usuario «\(login)»"
        case .notFound(let login):
            return "el usuario «\(login)» no existe (indíquelo con --user o BYTEK_USER; un admin lo crea con «bytek user add»)"
        case .inactive(let login): return "el usuario «\(login)» está deshabilitado"
        case .forbidden(let login, let role, let module, let access):
            let what = access == .write ? "modificar" : "ver"
            return "el usuario «\(login)» (rol \(role.displayName)) no tiene permiso para \(what) \(moduleName(module))"
        case .refused(.disableSelf(let login)):
            return "usuario: no puede deshabilitarse a sí mismo («\(login)»); pida a otro admin que lo haga"
        case .refused(.lastAdmin(let login)):
            return "usuario: «\(login)» es el último admin activo; cree o habilite otro admin antes de deshabilitarlo o cambiarle el rol"
        }
    }

    static func text(_ e: Migrator.Failure) -> String {
        switch e {
        case .databaseTooNew(let found, let supported):
            return "la base de datos es de una versión más nueva de bytek (esquema \(found); este programa conoce hasta el \(supported)); actualice bytek"
        }
    }

    static func text(_ e: BackupError) -> String {
        switch e {
        case .sourceMissing(let path): return "no existe el archivo \(path)"
        case .notADatabase(let path, let message): return "\(path) no es una base de datos SQLite legible (\(message))"
        case .integrityFailed(let path, let details):
            return "\(path) no pasó la verificación de integridad: \(details.split(separator: "\n").prefix(3).joined(separator: "; "))"
        case .databaseTooNew(let path, let found, let supported):
            return "\(path) es de una versión más nueva de bytek (esquema \(found); este programa conoce hasta el \(supported))"
        case .sameFile(let path): return "el origen y el destino son el mismo archivo (\(path))"
        case .io(let path, let message): return "\(path): \(message)"
        case .inUse(let path, let holders):
            let list = holders.map { "PID \($0.pid) (\($0.command))" }.joined(separator: ", ")
            return "no se restauró: \(path) está abierta por otros procesos: \(list). "
                + "Cierre la interfaz y detenga el trabajador (bytek worker) que la usan, y vuelva a intentarlo"
        case .notAnArchive(let path, let message): return "\(path) no es un respaldo válido: \(message)"
        case .countsDiffer(let what, let expected, let found):
            return "la copia no coincide con su manifiesto: \(what) tiene \(found) y el manifiesto dice \(expected)"
        }
    }

    static func text(_ e: CSVError) -> String {
        switch e {
        case .empty: return "el archivo está vacío (falta la línea de encabezados)"
        case .invalidUTF8(let line):
            return "línea \(line): el archivo no está en UTF-8 (en Excel: Guardar como «CSV UTF-8 (delimitado por comas)»)"
        case .unterminatedQuote(let line): return "línea \(line): unas comillas abiertas no se cierran"
        case .controlCharacter(let line, let code):
            let name = code == 0 ? "NUL" : String(format: "U+%04X", code)
            return "línea \(line): hay un carácter de control (\(name)) que no puede guardarse; "
                + "quítelo del archivo (suele venir de copiar desde otro programa) y vuelva a importar"
        }
    }

    static func text(_ e: CSVHeaderError) -> String {
        switch e {
        case .missingColumns(let c): return "faltan columnas obligatorias: \(c.joined(separator: ", "))"
        case .unknownColumns(let c): return "columnas desconocidas: \(c.joined(separator: ", "))"
        case .repeatedColumns(let c): return "columnas repetidas: \(c.joined(separator: ", "))"
        }
    }

    static func text(_ e: CustomerRepositoryError) -> String {
        switch e {
        case .invalid(let errors):
            return errors.map { "\(CSVCustomerMapping.column(for: $0.key)): \(text($0.value))" }.sorted().joined(separator: "; ")
        case .duplicateDocument(let type, let number, _): return "ya existe un cliente con \(type.rawValue) \(number)"
        case .notFound(let id): return "no existe el cliente \(id)"
        case .modifiedElsewhere: return "otro usuario modificó el cliente; vuelva a intentarlo"
        }
    }

    static func text(_ e: CatalogRepositoryError) -> String {
        switch e {
        case .invalid(let errors):
            return errors.map { "\(CSVCatalogMapping.column(for: $0.key)): \(text($0.value))" }.sorted().joined(separator: "; ")
        case .duplicateSKU(let sku, _): return "ya existe un ítem con SKU \(sku)"
        case .notFound(let id): return "no existe el ítem \(id)"
        case .modifiedElsewhere: return "otro usuario modificó el ítem; vuelva a intentarlo"
        }
    }

    /// The model's fragment ("el dígito verificador del RUC no coincide"), shared with the billing errors.
    static func text(_ e: DocumentError) -> String { e.message }

    static func text(_ e: MoneyError) -> String {
        switch e {
        case .empty: return "es obligatorio"
        case .invalidFormat: return "no es un importe (ejemplos: 1234.50, 1,234.50)"
        case .tooManyDecimals(let n): return "admite hasta \(n) decimales"
        case .currencyMismatch(let expected, let found):
            return "el importe está en \(found.rawValue) pero la moneda es \(expected.rawValue)"
        case .outOfRange: return "el importe es demasiado grande"
        }
    }

    static func text(_ e: CustomerError) -> String {
        switch e {
        case .required: return "es obligatorio"
        case .invalidDocument(let d): return text(d)
        case .invalidEmail: return "no es un correo válido"
        case .outOfRange(let r): return "debe estar entre \(r.lowerBound) y \(r.upperBound)"
        case .negativeAmount: return "no puede ser negativo"
        case .tooLong(let n): return "admite hasta \(n) caracteres"
        }
    }

    static func text(_ e: CatalogError) -> String {
        switch e {
        case .required: return "es obligatorio"
        case .invalidSKU: return "use de 1 a 30 letras, dígitos o «-»"
        case .negativeAmount: return "no puede ser negativo"
        case .currencyMismatch: return "el costo y el precio deben estar en la misma moneda"
        case .requiredForKind(let k): return "es obligatorio para un ítem de tipo \(CSVWordsText.kind(k))"
        case .notAllowedForKind(let k): return "no corresponde a un ítem de tipo \(CSVWordsText.kind(k))"
        case .tooLong(let n): return "admite hasta \(n) caracteres"
        case .tooLarge(let max): return "supera el máximo permitido (\(Money(max, .pen).formattedAmount))"
        }
    }

    static func text(_ issue: CSVCellIssue) -> String {
        switch issue {
        case .missing: return "es obligatorio"
        case .unknownValue(let v, let accepted):
            return "«\(v)» no es un valor válido (use: \(accepted.joined(separator: ", ")))"
        case .notAnInteger(let v): return "«\(v)» no es un número entero"
        case .money(let m): return text(m)
        case .customer(let c): return text(c)
        case .catalog(let c): return text(c)
        case .extraFields(let n):
            return "la línea tiene \(n) campo(s) más que el encabezado (¿una coma sin comillas dentro de un valor?)"
        }
    }

    static func text(_ problem: CSVCellProblem) -> String {
        problem.column.isEmpty ? text(problem.issue) : "\(problem.column): \(text(problem.issue))"
    }
}

enum CSVWordsText {
    static func kind(_ k: ItemKind) -> String {
        switch k { case .product: "producto"; case .service: "servicio"; case .subscription: "suscripción" }
    }
}
