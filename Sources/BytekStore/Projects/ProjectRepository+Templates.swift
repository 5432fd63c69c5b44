import BytekModel
import Foundation

/// The packages' templates as data (operaciones and admin edit them). The defaults (`DefaultTemplates`)
/// are written the first time templates are read, like the holidays.
extension ProjectRepository {
    /// Writes the default templates when the table is empty (idempotent).
    public func ensureTemplates() throws {
        guard (try db.scalar("SELECT count(*) FROM project_template").intValue ?? 0) == 0 else { return }
        try db.write {
            guard (try db.scalar("SELECT count(*) FROM project_template").intValue ?? 0) == 0 else { return }
            for t in DefaultTemplates.all {
                let id = try insertTemplate(t)
                try audit.append(entity: Self.templateEntity, entityId: id, action: .create,
                                 summary: "Plantilla «\(t.name)» (predeterminada)", after: t)
            }
        }
    }

    /// The templates, by name; inactive ones only when asked.
    public func templates(includeInactive: Bool = false) throws -> [StoredTemplate] {
        try ensureTemplates()
        let rows = try db.query("SELECT * FROM project_template" + (includeInactive ? "" : " WHERE active = 1")
                                + " ORDER BY name COLLATE NOCASE, id")
        return try rows.map(storedTemplate)
    }

    public func template(_ id: Int64) throws -> StoredTemplate? {
        try ensureTemplates()
        return try db.queryOne("SELECT * FROM project_template WHERE id = ?", [.int(id)]).map(storedTemplate)
    }

    /// By name, case-insensitively.
    public func template(named name: String) throws -> StoredTemplate? {
        try ensureTemplates()
        return try db.queryOne("SELECT * FROM project_template WHERE name = ? COLLATE NOCASE",
                               [.text(name.trimmingCharacters(in: .whitespaces))]).map(storedTemplate)
    }

    /// Saves a template: a new one (`id` nil) or the steps and name of an existing one (its steps replaced;
    /// projects already made from it keep their cards). Validated (`ProjectTemplate.validate`), name ≤ 200.
    @discardableResult
    public func saveTemplate(_ template: ProjectTemplate, id: Int64? = nil) throws -> StoredTemplate {
        var t = template
        t.name = try ProjectLimits.text(t.name, field: "plantilla: nombre", max: ProjectLimits.maxName)
        try t.validate()
        for s in t.steps {
            _ = try ProjectLimits.text(s.name, field: "plantilla: nombre del paso", max: ProjectLimits.maxName)
            for c in s.checklist { _ = try ProjectLimits.text(c, field: "plantilla: ítem de la lista", max: ProjectLimits.maxName) }
        }
        try ensureTemplates()
        return try db.write {
            if let other = try db.queryOne("SELECT id FROM project_template WHERE name = ? COLLATE NOCASE", [.text(t.name)]),
               other.int("id") != id {
                throw ProjectError.invalid(field: "plantilla: nombre", reason: "ya existe otra plantilla «\(t.name)»")
            }
            if let id {
                guard let before = try self.template(id) else { throw ProjectError.templateNotFound("#\(id)") }
                try db.execute("UPDATE project_template SET name = ?, unit = ?, updated_at = ? WHERE id = ?",
                               [.text(t.name), .text(t.unit.rawValue), .text(stamp), .int(id)])
                try db.execute("DELETE FROM project_template_step WHERE template_id = ?", [.int(id)])
                try insertSteps(t.steps, templateId: id)
                try audit.append(entity: Self.templateEntity, entityId: id, action: .update,
                                 summary: "Plantilla «\(t.name)» modificada", before: before.template, after: t)
                return StoredTemplate(id: id, template: t, active: before.active)
            }
            let newId = try insertTemplate(t)
            try audit.append(entity: Self.templateEntity, entityId: newId, action: .create,
                             summary: "Plantilla «\(t.name)» creada", after: t)
            return StoredTemplate(id: newId, template: t, active: true)
        }
    }

    /// Deactivates (no longer offered nor matched) or reactivates a template.
    @discardableResult
    public func setTemplateActive(_ id: Int64, _ active: Bool) throws -> StoredTemplate {
        try db.write {
            guard var t = try template(id) else { throw ProjectError.templateNotFound("#\(id)") }
            try db.execute("UPDATE project_template SET active = ?, updated_at = ? WHERE id = ?",
                           [.int(active ? 1 : 0), .text(stamp), .int(id)])
            t.active = active
            try audit.append(entity: Self.templateEntity, entityId: id, action: active ? .restore : .archive,
                             summary: "Plantilla «\(t.template.name)» " + (active ? "activada" : "desactivada"))
            return t
        }
    }

    func insertTemplate(_ t: ProjectTemplate) throws -> Int64 {
        let at = stamp
        try db.execute("INSERT INTO project_template(name, unit, active, created_at, updated_at) VALUES (?, ?, 1, ?, ?)",
                       [.text(t.name), .text(t.unit.rawValue), .text(at), .text(at)])
        let id = db.lastInsertRowID
        try insertSteps(t.steps, templateId: id)
        return id
    }

    func insertSteps(_ steps: [TemplateStep], templateId: Int64) throws {
        for (i, s) in steps.enumerated() {
            try db.execute("""
                INSERT INTO project_template_step(template_id, position, name, working_days, role, checklist)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [.int(templateId), .int(Int64(i + 1)), .text(s.name), .int(Int64(s.workingDays)), .text(s.role.rawValue),
                      .text(s.checklist.joined(separator: "\n"))])
        }
    }

    func storedTemplate(_ row: Row) throws -> StoredTemplate {
        let id = row.int("id")
        let steps = try db.query("SELECT * FROM project_template_step WHERE template_id = ? ORDER BY position", [.int(id)]).map {
            TemplateStep($0.string("name"), workingDays: Int($0.int("working_days")),
                         checklist: $0.string("checklist").split(separator: "\n").map(String.init),
                         role: Role(rawValue: $0.string("role")) ?? .operaciones)
        }
        return StoredTemplate(id: id, template: ProjectTemplate(name: row.string("name"), unit: SalesColumns.unit(row.string("unit")),
                                                                steps: steps),
                              active: row.int("active") == 1)
    }

    /// The template a U1 package matches: the first active template (longest name first) whose name is
    /// contained in one of `texts` (line descriptions, catalog item names; case and accents ignored);
    /// else "Landing page 7 días" for U1; else none.
    public func matchTemplate(texts: [String], unit: BusinessUnit) throws -> StoredTemplate? {
        let active = try templates().filter { $0.template.unit == unit }
        let folded = texts.map(TextFold.fold)
        for t in active.sorted(by: { $0.template.name.count > $1.template.name.count }) {
            let name = TextFold.fold(t.template.name)
            if folded.contains(where: { $0.contains(name) }) { return t }
        }
        guard unit == .digital else { return nil }
        return active.first { $0.template.name == DefaultTemplates.landingPage.name }
    }

    /// Adds a template's steps to a project as cards with their checklists, due dates counted back from
    /// the promised date on the holiday table's working calendar (inside the caller's transaction).
    func addTemplateTasks(_ template: ProjectTemplate, projectId: Int64, promised: LocalDate) throws -> [ProjectTask] {
        try schedule(template, promised: promised).entries.map { e in
            try insertTask(ProjectTask(projectId: projectId, title: e.step.name, role: e.step.role.rawValue, dueDate: e.due),
                           checklist: e.step.checklist)
        }
    }

    /// The template's steps with their due dates counted back from `promised` over the holiday table's
    /// working calendar: the dates a project made with it would get (what the new-project form shows).
    public func schedule(_ template: ProjectTemplate, promised: LocalDate) throws -> TemplateSchedule {
        let first = max(PeruHolidays.years.lowerBound, promised.year - (template.totalWorkingDays / 200 + 1))
        let calendar = try holidayTable.calendar(years: first...promised.year)
        return try TemplateSchedule.backwards(template, promised: promised, calendar: calendar)
    }
}
