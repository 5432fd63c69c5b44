import Testing
@testable import BytekModel

@Suite struct ModuleGroupTests {
    @Test func everyModuleIsInExactlyOneGroup() {
        for m in AppModule.allCases {
            #expect(ModuleGroup.allCases.filter { $0.modules.contains(m) }.count == 1, "\(m)")
        }
        #expect(ModuleGroup.commercial.modules == [.customers, .sales, .quotes, .catalog])
        #expect(ModuleGroup.operations.modules == [.projects, .timesheets])
        #expect(ModuleGroup.administration.modules == [.users, .audit, .jobs])
    }

    @Test func aRoleSeesOnlyGroupsWithAModuleItMayRead() {
        #expect(ModuleGroup.visible(for: .admin).map(\.group) == [.commercial, .finance, .operations, .administration])
        #expect(ModuleGroup.visible(for: .almacen).map(\.group) == [.commercial])
        #expect(ModuleGroup.visible(for: .almacen)[0].modules == [.customers, .catalog])
        let finanzas = ModuleGroup.visible(for: .finanzas)
        #expect(finanzas.map(\.group) == [.commercial, .finance, .operations, .administration])
        #expect(finanzas.last?.modules == [.audit], "finanzas reads Auditoría, never Usuarios")
        for role in Role.allCases {
            #expect(PermissionMatrix.canRead(role, .users) == (role == .admin), "\(role)")
            #expect(PermissionMatrix.canWrite(role, .users) == (role == .admin), "\(role)")
            #expect(ModuleGroup.visible(for: role).contains { $0.group == .operations } == (role != .almacen),
                    "everyone but almacén logs hours (Operaciones › Horas): \(role)")
        }
    }

    @Test func noAdminDisablesItselfAndTheLastAdminStays() {
        let admin = User(login: "admin", name: "A", role: .admin)
        var off = admin; off.active = false
        var demoted = admin; demoted.role = .ventas
        #expect(UserChangeRule.refusal(actor: "admin", before: admin, after: off, activeAdmins: 2) == .disableSelf("admin"))
        #expect(UserChangeRule.refusal(actor: "otra", before: admin, after: off, activeAdmins: 1) == .lastAdmin("admin"))
        #expect(UserChangeRule.refusal(actor: "admin", before: admin, after: demoted, activeAdmins: 1) == .lastAdmin("admin"))
        #expect(UserChangeRule.refusal(actor: "otra", before: admin, after: off, activeAdmins: 2) == nil)
        #expect(UserChangeRule.refusal(actor: "admin", before: admin, after: demoted, activeAdmins: 2) == nil)
        let clerk = User(login: "j", name: "J", role: .almacen)
        var clerkOff = clerk; clerkOff.active = false
        #expect(UserChangeRule.refusal(actor: "admin", before: clerk, after: clerkOff, activeAdmins: 1) == nil)
        // Enabling a disabled admin or renaming the last admin is always allowed.
        var renamed = admin; renamed.name = "B"
        #expect(UserChangeRule.refusal(actor: "admin", before: admin, after: renamed, activeAdmins: 1) == nil)
        #expect(UserChangeRule.refusal(actor: "admin", before: off, after: admin, activeAdmins: 0) == nil)
    }
}
