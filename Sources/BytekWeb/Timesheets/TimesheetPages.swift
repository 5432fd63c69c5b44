import BytekModel
import Foundation

/// The "Mis horas" section of the technician's home: today's entries, a form (task, duration, note) posted
/// to /horas with the session's CSRF token, and the totals of the day and the week. Narrow and with big
/// inputs for a phone.
enum TimesheetPages {
    /// The select's value of a target: "12:34" (project, task; "12:" for the project itself).
    static func value(_ key: TimesheetRowKey) -> String { "\(key.projectId):" + (key.taskId.map(String.init) ?? "") }

    /// The target of a posted value; an unreadable one names the field.
    static func key(_ value: String) throws -> TimesheetRowKey {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let p = Int64(parts[0]), p > 0 else { throw TimesheetError.projectNotFound(value) }
        if parts[1].isEmpty { return TimesheetRowKey(projectId: p) }
        guard let t = Int64(parts[1]), t > 0 else { throw TimesheetError.taskNotFound(String(parts[1])) }
        return TimesheetRowKey(projectId: p, taskId: t)
    }

    static func section(_ hours: TechnicianHours, csrf: String, notice: String?, error: String?,
                        duration: String = "", note: String = "") -> String {
        var items = ""
        for e in hours.today {
            items += "<li><strong>\(HTML.escape(TimesheetDuration.text(e.minutes)))</strong> · \(HTML.escape(e.title))"
                + (e.note.isEmpty ? "" : " <span class=\"muted\">— \(HTML.escape(e.note))</span>") + "</li>\n"
        }
        var options = ""
        for t in hours.targets {
            options += "<option value=\"\(value(t.key))\">\(HTML.escape(t.title))</option>\n"
        }
        let noticeHTML = notice.map { "<p class=\"aviso\" role=\"status\">\(HTML.escape($0))</p>\n" } ?? ""
        let errorHTML = error.map { "<p class=\"error\" role=\"alert\">\(HTML.escape($0))</p>\n" } ?? ""
        return """
        <section class="tarjeta horas" aria-labelledby="mis-horas"><h2 id="mis-horas">Mis horas</h2>
        \(noticeHTML)\(errorHTML)<p>Hoy: <strong id="horas-hoy">\(TimesheetDuration.text(hours.todayMinutes))</strong> · Semana: <strong id="horas-semana">\(TimesheetDuration.text(hours.weekMinutes))</strong></p>
        \(items.isEmpty ? "<p class=\"muted\">Aún no registra horas hoy.</p>" : "<ul class=\"horas-hoy\">\n" + items + "</ul>")
        <form method="post" action="/horas">
        <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
        <label for="tarea">Tarea</label>
        <select id="tarea" name="tarea" required>
        \(options)</select>
        <label for="duracion">Duración (1:30, 1.5, 90m o 2h)</label>
        <input type="text" id="duracion" name="duracion" inputmode="decimal" autocomplete="off" value="\(HTML.escape(duration))" required>
        <label for="nota">Nota</label>
        <input type="text" id="nota" name="nota" maxlength="500" value="\(HTML.escape(note))">
        <button type="submit">Registrar horas</button>
        </form>
        </section>
        """
    }
}
