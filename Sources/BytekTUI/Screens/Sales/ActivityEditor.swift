import BytekModel
import BytekStore
import Foundation

/// The form of a new activity on a deal: kind (llamada, reunión, correo, WhatsApp, tarea), due
/// date (dd/mm/aaaa), note, and who it is for.
@MainActor
final class ActivityEditor: RecordEditor {
    let services: SalesServices
    let dealId: Int64
    private var s: Strings { services.strings }

    init(services: SalesServices, dealId: Int64) {
        self.services = services
        self.dealId = dealId
    }

    var formName: String { "deal-activity-\(dealId)" }
    var recordKey: String { DraftRepository.newRecord }
    var title: String { s["sales.activity.new"] }

    func makeFields() -> [FormField] {
        [
            .choice("kind", s["sales.field.kind"],
                    options: ActivityKind.allCases.map { FormOption($0.rawValue, services.label($0)) }, required: true),
            .text("due", s["sales.field.due"], value: SalesServices.text(services.today), width: 10, maxLength: 10,
                  hint: "dd/mm/aaaa"),
            .text("subject", s["sales.field.note"], required: true, width: 60, maxLength: 300),
            .choice("owner", s["sales.field.owner"], options: services.owners.map { FormOption($0) }),
        ]
    }

    func save(_ v: [String: String]) -> SaveOutcome {
        var errors: [String: String] = [:]
        let subject = (v["subject"] ?? "").trimmingCharacters(in: .whitespaces)
        if subject.isEmpty { errors["subject"] = s["form.required"] }
        let dueText = (v["due"] ?? "").trimmingCharacters(in: .whitespaces)
        let due = SalesServices.date(dueText)
        if !dueText.isEmpty && due == nil { errors["due"] = s["sales.err.date"] }
        guard errors.isEmpty else { return .invalid(errors) }
        let activity = Activity(dealId: dealId, kind: ActivityKind(rawValue: v["kind"] ?? "") ?? .task, subject: subject,
                                dueDate: due, owner: v["owner"] ?? services.owners.first ?? "")
        do {
            let saved = try services.sales.addActivity(activity)
            return .saved(s.format("sales.activity.saved", services.label(saved.kind), saved.subject))
        } catch {
            return .failed(services.describe(error), field: nil)
        }
    }
}
