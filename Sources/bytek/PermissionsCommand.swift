import BytekServices
import Foundation

/// `bytek permissions`: who may do each operation, as a Markdown table (the one README.md prints).
/// Needs no database: the rules are the program's.
@MainActor
enum PermissionsCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        try args.finish()
        Console.out(PermissionTable.markdown().trimmingCharacters(in: .newlines))
        return 0
    }
}
