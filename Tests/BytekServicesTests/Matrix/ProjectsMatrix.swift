import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Proyectos. The seed makes a project of customer A managed by operaciones, with one card and its checklist.
enum ProjectsMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let repo = ProjectRepository(db: store.db, user: "setup", now: MatrixWorld.now)
        let day = LocalDate(MatrixWorld.now(), in: TimeZone(identifier: "America/Lima")!)
        let p = try repo.create(Project(name: "Landing Cliente A", unit: .digital, kind: .kanban, customerId: world.customerA,
                                        manager: MatrixWorld.login(.operaciones), sold: Money(minorUnits: 150_000, .pen),
                                        startDate: day, promisedDate: day.adding(days: 14)))
        let t = try repo.addTask(ProjectTask(projectId: p.id, title: "diseño", dueDate: day.adding(days: 7)), checklist: ["Boceto"])
        world.ids["project"] = p.id
        world.ids["task"] = t.id
        world.ids["check"] = try repo.checks(t.id).first?.id
        _ = try repo.templates()
        _ = try repo.horizon(today: day)
    }

    static let expected: [String: String] = [
        "proyecto.ver": "admin ventas finanzas operaciones tecnico soporte worker",
        "proyecto.crear": "admin operaciones tecnico",
        "proyecto.editar": "admin operaciones tecnico",
        "proyecto.archivar": "admin operaciones tecnico",
        "tarea.editar": "admin operaciones tecnico",
        "tarea.mover": "admin operaciones tecnico",
        "tablero.wip": "admin operaciones",
        "plantilla.ver": "admin ventas finanzas operaciones tecnico soporte",
        "plantilla.editar": "admin operaciones",
    ]

    static func project(_ w: MatrixWorld) -> Int64 { w.ids["project"] ?? -1 }

    static let cases: [MatrixCase] = [
        MatrixCase(.projectView) { s, w, _ in
            guard try s.projects.get(project(w))?.name == "Landing Cliente A",
                  try s.projects.list().first(50).contains(where: { $0.item.project.id == project(w) }),
                  try s.projects.tasks(project(w)).count == 1,
                  try s.projects.board(.team(.digital)).column(.todo)?.cards.contains(where: { $0.id == w.ids["task"] }) == true
            else { throw MatrixProjectError.wrong("view") }
        },
        MatrixCase(.projectCreate) { s, w, t in
            let day = s.projects.today
            try s.projects.create(Project(name: "Otro", unit: .software, kind: .milestones, customerId: MatrixCase.customer(w, t),
                                          manager: MatrixWorld.login(.tecnico), sold: Money(minorUnits: 0, .pen),
                                          startDate: day, promisedDate: day))
        },
        MatrixCase(.projectEdit) { s, w, _ in
            try s.projects.update(project(w), ProjectChanges(name: "Landing renovada"))
        },
        MatrixCase(.projectArchive) { s, w, _ in
            try s.projects.archive(project(w), reason: "prueba")
        },
        MatrixCase(.taskEdit) { s, w, _ in
            try s.projects.toggleCheck(w.ids["check"] ?? -1)
            try s.projects.block(w.ids["task"] ?? -1, reason: "Falta el logo")
        },
        MatrixCase(.taskMove) { s, w, _ in
            guard try s.projects.moveTask(w.ids["task"] ?? -1, .next).state == .inProgress else { throw MatrixProjectError.wrong("move") }
        },
        MatrixCase(.boardWip) { s, _, _ in
            try s.projects.setWipLimit(.team(.digital), state: .inProgress, limit: 5)
        },
        MatrixCase(.templateView, audited: false) { s, _, _ in
            guard try s.projects.templates().contains(where: { $0.template.name == "Landing page 7 días" }) else {
                throw MatrixProjectError.wrong("templates")
            }
        },
        MatrixCase(.templateEdit) { s, _, _ in
            try s.projects.saveTemplate(ProjectTemplate(name: "Tienda online", unit: .digital, steps: [
                TemplateStep("brief", workingDays: 1, role: .ventas), TemplateStep("desarrollo", workingDays: 5, role: .operaciones),
            ]))
        },
    ]
}

enum MatrixProjectError: Error { case wrong(String) }
