import BytekModel
import BytekStore
@testable import BytekServices

extension Services {
    /// The same store as another actor (a case reads the row it is about to change as admin).
    func services(as role: Role) -> Services {
        Services(store: store, actor: .staff(MatrixWorld.login(role), role: role, door: actor.door), now: now,
                 environment: environment)
    }
}

/// The actors of the matrix: a user of each role (through a door each, so every door is recorded
/// somewhere), the contact of customer A on the web, the worker, and a device.
enum MatrixActors {
    static func all(_ world: MatrixWorld) -> [(name: String, actor: Actor)] {
        let doors: [Door] = [.tui, .cli, .ssh, .tui, .web, .cli, .tui]
        var list = Role.allCases.enumerated().map { i, role in
            (name: role.rawValue, actor: Actor.staff(MatrixWorld.login(role), role: role, door: doors[i % doors.count]))
        }
        list.append((name: "contacto", actor: Actor(.contact(accountId: 1, customerId: world.customerA, email: "ana@cliente-a.pe"),
                                                    door: .web)))
        list.append((name: "worker", actor: .worker))
        list.append((name: "equipo", actor: Actor(.device(name: "ZK-0001"), door: .web)))
        return list
    }
}
