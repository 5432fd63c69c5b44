import BytekModel
import BytekServices
import BytekStore

/// The form of a user: login (fixed once created), name and role. The service validates, refuses
/// what would leave no active admin, and audits.
@MainActor
final class UserEditor: RecordEditor {
    let original: User?
    let users: UserService
    private let s: Strings

    init(user: User?, users: UserService, strings: Strings) {
        original = user
        self.users = users
        s = strings
    }

    var formName: String { "user" }
    var recordKey: String { original?.login ?? DraftRepository.newRecord }
    var title: String { original.map { s["users.form.edit"] + ": " + $0.login } ?? s["users.form.new"] }

    func makeFields() -> [FormField] {
        var login = FormField.text("login", s["users.field.login"], value: original?.login ?? "", required: true, width: 24,
                                   maxLength: 32, hint: s["users.hint.login"])
        login.isReadOnly = original != nil
        return [
            login,
            .text("name", s["users.field.name"], value: original?.name ?? "", required: true, width: 40, maxLength: 100),
            .choice("role", s["users.field.role"], options: Role.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: (original?.role ?? .ventas).rawValue, required: true),
        ]
    }

    func save(_ v: [String: String]) -> SaveOutcome {
        let role = Role(rawValue: v["role"] ?? "") ?? .ventas
        let user = User(login: original?.login ?? v["login"] ?? "", name: v["name"] ?? "", role: role,
                        active: original?.active ?? true)
        do {
            let saved = try original == nil ? users.create(user) : users.update(user)
            return .saved(s.format("users.saved", saved.login, saved.role.displayName))
        } catch UserRepositoryError.invalid(let errors) {
            var out: [String: String] = [:]
            for (field, error) in errors {
                let id = field == .login ? "login" : field == .name ? "name" : "role"
                out[id] = error == .invalidLogin ? s["users.err.login"] : s["form.required"]
            }
            return .invalid(out)
        } catch UserRepositoryError.duplicateLogin(let login) {
            return .failed(s.format("users.err.duplicate", login), field: "login")
        } catch {
            return .failed(StoreErrorText.describe(error, s), field: "role")
        }
    }
}
