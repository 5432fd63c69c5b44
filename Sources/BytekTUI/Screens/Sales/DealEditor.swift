import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The deal form: who it is for (an existing customer found by RUC or name, or a new lead with an
/// optional RUC/DNI checked by the document rules), unit and stage, owner, value, currency,
/// expected close (dd/mm/aaaa) and source. A new deal's lead is saved with it.
@MainActor
final class DealEditor: RecordEditor {
    let services: SalesServices
    let original: DealCard?
    let unit: BusinessUnit
    let stageId: Int64?
    let readOnly: Bool
    private var s: Strings { services.strings }

    /// Called with the id of a deal this form created (the board selects it).
    var onCreated: ((Int64) -> Void)?

    init(services: SalesServices, card: DealCard?, unit: BusinessUnit, stageId: Int64? = nil, readOnly: Bool = false) {
        self.services = services
        original = card
        self.unit = unit
        self.stageId = stageId
        self.readOnly = readOnly
        padron = PadronFiller(padron: services.padron, fields: .init(legalName: "leadName", address: "", department: "",
                              province: "", district: ""), strings: services.strings)
    }

    private let padron: PadronFiller

    /// Leaving a lead's RUC fills its name from SUNAT's padrón (when the name is empty or came from it).
    func fieldLeft(_ id: String, form: Form) -> StatusMessage? {
        guard !readOnly, id == "leadDoc", form.value("leadDocType") == DocumentType.ruc.rawValue else { return nil }
        return padron.fill(ruc: form.value("leadDoc") ?? "", form: form)
    }

    var formName: String { "deal" }
    var recordKey: String { original?.deal.id.map(String.init) ?? DraftRepository.newRecord }
    var title: String { original.map { s["sales.form.edit"] + ": " + $0.deal.title } ?? s["sales.form.new"] }

    /// Every open or won active stage of the three pipelines: picking one picks the unit too.
    private var stageOptions: [FormOption] {
        let pipelines = (try? services.sales.pipelines()) ?? []
        return pipelines.flatMap { p in
            p.stages.filter { $0.active && $0.kind != .lost }.compactMap { st in
                st.id.map { FormOption(String($0), p.unit.code + " · " + st.name) }
            }
        }
    }

    func makeFields() -> [FormField] {
        let d = original?.deal
        let lead = d?.leadId.flatMap { try? services.sales.lead($0) }
        let hasCustomer = d?.customerId != nil
        let entry = (try? services.sales.pipeline(for: unit))?.entryStage?.id
        var stage = FormField.choice("stage", s["sales.field.stage"], options: stageOptions,
                                     value: (d.map { $0.stageId } ?? stageId ?? entry).map(String.init), required: true)
        if let d {
            stage.isReadOnly = true
            stage.hint = s["sales.hint.stageOnBoard"]
            if let st = try? services.sales.stage(d.stageId) {
                stage = .text("stageName", s["sales.field.stage"], value: st.unit.code + " · " + st.stage.name)
                stage.isReadOnly = true
                stage.hint = s["sales.hint.stageOnBoard"]
            }
        }
        let docTypes = [FormOption("", s["word.none"])] + DocumentType.allCases.map { FormOption($0.rawValue, $0.displayName) }
        return [
            .section(s["sales.section.deal"]),
            .text("title", s["sales.field.title"], value: d?.title ?? "", required: true, width: 50, maxLength: 200),
            .section(s["sales.section.party"]),
            .choice("party", s["sales.field.party"],
                    options: [FormOption("lead", s["sales.party.lead"]), FormOption("customer", s["sales.party.customer"])],
                    value: hasCustomer ? "customer" : "lead"),
            .text("customer", s["sales.field.customer"], value: hasCustomer ? original?.party ?? "" : "", width: 40,
                  hint: s["sales.hint.customer"]),
            .text("leadName", s["sales.field.leadName"], value: lead?.name ?? "", width: 40, maxLength: 200),
            .choice("leadDocType", s["sales.field.leadDocType"], options: docTypes, value: lead?.docType?.rawValue ?? ""),
            .text("leadDoc", s["sales.field.leadDoc"], value: lead?.docNumber ?? "", width: 14, maxLength: 12),
            .section(s["sales.section.terms"]),
            stage,
            .choice("owner", s["sales.field.owner"], options: services.owners.map { FormOption($0) }, value: d?.owner),
            .money("value", s["sales.field.value"], value: d?.estimatedValue.plainAmount ?? "", required: true),
            .choice("currency", s["sales.field.currency"],
                    options: Currency.allCases.map { FormOption($0.rawValue, $0.symbol + " " + $0.rawValue) },
                    value: d?.estimatedValue.currency.rawValue),
            .text("close", s["sales.field.close"], value: SalesServices.text(d?.expectedClose), width: 10, maxLength: 10,
                  hint: "dd/mm/aaaa"),
            .choice("source", s["sales.field.source"],
                    options: DealSource.allCases.map { FormOption($0.rawValue, services.label($0)) },
                    value: d?.source.rawValue),
        ]
    }

    func save(_ v: [String: String]) -> SaveOutcome {
        if readOnly { return .failed(s.format("app.noPermission", "", s["perm.write"], s["module.sales"]), field: nil) }
        var errors: [String: String] = [:]
        let title = (v["title"] ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors["title"] = s["form.required"] }
        let currency = Currency(rawValue: v["currency"] ?? "") ?? .pen
        var value = Money.zero(currency)
        do { value = try Money.parse(v["value"] ?? "", currency: currency) } catch { errors["value"] = ErrorText(s).money(error) }
        if value.isNegative { errors["value"] = s["err.negative"] }
        let closeText = (v["close"] ?? "").trimmingCharacters(in: .whitespaces)
        let close = SalesServices.date(closeText)
        if !closeText.isEmpty && close == nil { errors["close"] = s["sales.err.date"] }
        var party: DealParty?
        if v["party"] == "customer" {
            switch resolveCustomer(v["customer"] ?? "") {
            case .success(let id): party = .customer(id)
            case .failure(let message): errors["customer"] = message.text
            }
        } else {
            let name = (v["leadName"] ?? "").trimmingCharacters(in: .whitespaces)
            if name.isEmpty { errors["leadName"] = s["form.required"] }
            let type = DocumentType(rawValue: v["leadDocType"] ?? "")
            var number = (v["leadDoc"] ?? "").trimmingCharacters(in: .whitespaces)
            if let type {
                number = type.normalize(number)
                if let e = type.validate(number) { errors["leadDoc"] = ErrorText(s).document(e, type) }
            } else if !number.isEmpty {
                errors["leadDocType"] = s["sales.err.docType"]
            }
            var l = original?.deal.leadId.flatMap { try? services.sales.lead($0) } ?? Lead(name: name)
            l.name = name; l.docType = type; l.docNumber = number
            party = .lead(l)
        }
        guard errors.isEmpty, let party else { return .invalid(errors) }
        do {
            return try saveDeal(title: title, party: party, value: value, close: close, v)
        } catch {
            return .failed(services.describe(error), field: nil)
        }
    }

    /// Saves the deal with its lead (new or edited) in one operation: a refused deal leaves no lead.
    private func saveDeal(title: String, party: DealParty, value: Money, close: LocalDate?,
                          _ v: [String: String]) throws -> SaveOutcome {
        let owner = v["owner"] ?? services.owners.first ?? ""
        let source = DealSource(rawValue: v["source"] ?? "") ?? .other
        if let d = original?.deal {
            var deal = d
            deal.title = title; deal.owner = owner
            deal.estimatedValue = value; deal.expectedClose = close; deal.source = source
            let saved = try services.sales.update(deal, for: party)
            return .saved(s.format("sales.saved", saved.title))
        }
        guard let stageId = Int64(v["stage"] ?? ""), let found = try services.sales.stage(stageId) else {
            return .invalid(["stage": s["form.required"]])
        }
        let deal = Deal(title: title, unit: found.unit, stageId: stageId, owner: owner, estimatedValue: value,
                        expectedClose: close, source: source, stageEnteredAt: services.now())
        let saved = try services.sales.create(deal, for: party)
        if let id = saved.id { onCreated?(id) }
        return .saved(s.format("sales.saved", saved.title))
    }

    struct Message: Error { var text: String }

    /// One customer for `text`: the one whose document is exactly `text`, else the only match of a
    /// name search; none or several is an error saying what to type.
    private func resolveCustomer(_ raw: String) -> Result<Int64, Message> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .failure(Message(text: s["form.required"])) }
        if let keep = original, keep.deal.customerId != nil, keep.party == text, let id = keep.deal.customerId {
            return .success(id)
        }
        let found = (try? services.sales.customers(matching: text, limit: 5)) ?? []
        if let exact = found.first(where: { $0.docNumber == text || $0.legalName == text }), let id = exact.id {
            return .success(id)
        }
        switch found.count {
        case 0: return .failure(Message(text: s["sales.err.noCustomer"]))
        case 1: return found[0].id.map { .success($0) } ?? .failure(Message(text: s["sales.err.noCustomer"]))
        default: return .failure(Message(text: s.format("sales.err.manyCustomers", found.prefix(3).map(\.legalName).joined(separator: "; "))))
        }
    }
}
