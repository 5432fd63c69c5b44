import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Converts the lead of a deal into a customer: the customer's identity and contact fields,
/// filled in from the lead, checked by the customer rules (RUC/DNI check digits, unique
/// document: Spanish messages under the field) and saved with `DealRepository.convertLead`, which
/// points the lead, its deals and their draft quotes to the new customer in one transaction.
@MainActor
final class LeadConversionEditor: RecordEditor {
    let services: SalesServices
    let lead: Lead
    /// The unit of the deal the conversion started from: the customer buys from it.
    let unit: BusinessUnit
    private var s: Strings { services.strings }
    /// Called with the new customer once saved.
    var onConverted: ((Customer) -> Void)?

    private let padron: PadronFiller

    init(services: SalesServices, lead: Lead, unit: BusinessUnit) {
        self.services = services
        self.lead = lead
        self.unit = unit
        padron = PadronFiller(padron: services.padron, fields: .init(legalName: "legalName", address: "address",
                              department: "department", province: "province", district: "district"),
                              strings: services.strings)
    }

    /// Leaving the number of a RUC fills the name and address from SUNAT's padrón (the name only when
    /// the lead's name was cleared: it is what the user typed).
    func fieldLeft(_ id: String, form: Form) -> StatusMessage? {
        guard id == "docNumber", form.value("docType") == DocumentType.ruc.rawValue else { return nil }
        return padron.fill(ruc: form.value("docNumber") ?? "", form: form)
    }

    /// Opens the customer form for the lead of deal `dealId` (ventas and customers write access);
    /// says so when the deal already has a customer. `onConverted` runs once the customer is saved.
    static func open(dealId: Int64, services: SalesServices, context: AppContext, onConverted: (() -> Void)? = nil) {
        let s = services.strings
        guard context.require(.write, .sales), context.require(.write, .customers) else { return }
        let found: (lead: Lead, unit: BusinessUnit)?
        do { found = try services.sales.leadToConvert(dealId: dealId) } catch {
            context.error(services.describe(error)); return
        }
        guard let found else { context.info(s["sales.convert.notLead"]); return }
        let editor = LeadConversionEditor(services: services, lead: found.lead, unit: found.unit)
        editor.onConverted = { _ in onConverted?() }
        FormScreen.open(editor, drafts: services.drafts, strings: s, context: context)
    }

    var formName: String { "leadConversion" }
    var recordKey: String { lead.id.map(String.init) ?? DraftRepository.newRecord }
    var title: String { s["sales.convert.title"] + ": " + lead.name }

    func makeFields() -> [FormField] {
        [
            .section(s["customers.section.identity"]),
            .choice("docType", s["customers.field.docType"],
                    options: DocumentType.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: (lead.docType ?? .ruc).rawValue, required: true),
            .text("docNumber", s["customers.field.docNumber"], value: lead.docNumber, required: true, width: 14,
                  maxLength: 12, hint: s["customers.hint.docNumber"]),
            .text("legalName", s["customers.field.legalName"], value: lead.name, required: true, width: 50, maxLength: 200),
            .text("tradeName", s["customers.field.tradeName"], value: "", width: 50, maxLength: 200),
            .section(s["customers.section.location"]),
            .text("address", s["customers.field.address"], value: "", width: 60),
            .text("district", s["customers.field.district"], value: "", width: 24),
            .text("email", s["customers.field.email"], value: lead.email, width: 40),
            .phone("phone", s["customers.field.phone"], value: lead.phone),
            .text("contact", s["customers.field.contactName"], value: lead.contactName, width: 40),
        ]
    }

    func save(_ v: [String: String]) -> SaveOutcome {
        guard let leadId = lead.id else { return .failed(s["err.notFound"], field: nil) }
        let docType = DocumentType(rawValue: v["docType"] ?? "") ?? .ruc
        var customer = Customer(docType: docType, docNumber: v["docNumber"] ?? "", legalName: v["legalName"] ?? "")
        customer.tradeName = v["tradeName"] ?? ""
        customer.address = v["address"] ?? ""
        customer.district = v["district"] ?? ""
        customer.email = v["email"] ?? ""
        customer.phone = v["phone"] ?? ""
        let contact = (v["contact"] ?? "").trimmingCharacters(in: .whitespaces)
        if !contact.isEmpty { customer.contacts = [Contact(name: contact, email: lead.email, phone: lead.phone)] }
        customer.units = [unit]
        customer.notes = lead.notes
        let normalized = customer.normalized()
        let text = ErrorText(s)
        var errors: [String: String] = [:]
        for (field, error) in normalized.validate() {
            errors[LeadConversionEditor.fieldID(field)] = text.customer(error, docType: docType)
        }
        guard errors.isEmpty else { return .invalid(errors) }
        do {
            let result = try services.sales.convertLead(leadId, into: normalized)
            onConverted?(result.customer)
            return .saved(s.format("sales.convert.done", result.customer.legalName, String(result.dealIds.count)))
        } catch CustomerRepositoryError.invalid(let errs) {
            return .invalid(Dictionary(uniqueKeysWithValues: errs.map {
                (LeadConversionEditor.fieldID($0.key), text.customer($0.value, docType: docType))
            }))
        } catch let e as CustomerRepositoryError {
            if case .duplicateDocument = e { return .failed(text.describe(e), field: "docNumber") }
            return .failed(text.describe(e), field: nil)
        } catch {
            return .failed(services.describe(error), field: nil)
        }
    }

    /// The form field of a customer field (contacts other than the first have no field here).
    static func fieldID(_ f: CustomerField) -> String {
        switch f {
        case .contactName, .contactEmail: return "contact"
        default: return CustomerEditor.fieldID(f)
        }
    }
}
