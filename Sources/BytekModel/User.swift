import Foundation

/// A person who uses BYTEK Core. Users are disabled, never deleted (the audit log names them).
public struct User: Sendable, Hashable, Codable {
    /// Lower-case login: 1 to 32 of a-z, 0-9, ".", "_" and "-".
    public var login: String
    public var name: String
    public var role: Role
    public var active: Bool

    public init(login: String, name: String, role: Role, active: Bool = true) {
        self.login = login; self.name = name; self.role = role; self.active = active
    }

    /// Login trimmed and lower-cased, name trimmed.
    public func normalized() -> User {
        User(login: User.normalizeLogin(login), name: name.trimmingCharacters(in: .whitespacesAndNewlines),
             role: role, active: active)
    }

    public static func normalizeLogin(_ login: String) -> String {
        login.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Every problem, by field; empty when the user can be saved. Call on `normalized()`.
    public func validate() -> [UserField: UserError] {
        var errors: [UserField: UserError] = [:]
        if login.isEmpty { errors[.login] = .required }
        else if !User.isValidLogin(login) { errors[.login] = .invalidLogin }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { errors[.name] = .required }
        return errors
    }

    public static func isValidLogin(_ login: String) -> Bool {
        (1...32).contains(login.count)
            && login.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
    }
}

public enum UserField: Hashable, Sendable { case login, name, role }

/// Why a user field is not valid. The TUI and the CLI turn each case into Spanish text.
public enum UserError: Error, Hashable, Sendable {
    case required
    /// Login: 1 to 32 of a-z, 0-9, ".", "_" and "-".
    case invalidLogin
}
