import Foundation

/// One status from the Cloud API's webhook: `entry[].changes[].value.statuses[{id, status, timestamp,
/// recipient_id, errors[{code, title}]}]`.
public struct WhatsAppStatusReport: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable { case sent, delivered, read, failed }
    public var wamid: String
    public var status: Status
    public var recipient: String
    public var errorCode: Int?
    public var errorTitle: String

    public init(wamid: String, status: Status, recipient: String = "", errorCode: Int? = nil, errorTitle: String = "") {
        self.wamid = wamid; self.status = status; self.recipient = recipient; self.errorCode = errorCode; self.errorTitle = errorTitle
    }

    /// Every status in a webhook body (unknown statuses and other events are skipped); nil when the body is not a
    /// WhatsApp Business Account notification.
    public static func parse(_ body: [UInt8]) -> [WhatsAppStatusReport]? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
              object["object"] as? String == "whatsapp_business_account" else { return nil }
        var out: [WhatsAppStatusReport] = []
        for entry in object["entry"] as? [[String: Any]] ?? [] {
            for change in entry["changes"] as? [[String: Any]] ?? [] {
                let value = change["value"] as? [String: Any] ?? [:]
                for s in value["statuses"] as? [[String: Any]] ?? [] {
                    guard let id = s["id"] as? String, !id.isEmpty,
                          let status = (s["status"] as? String).flatMap(Status.init(rawValue:)) else { continue }
                    let error = (s["errors"] as? [[String: Any]])?.first
                    out.append(WhatsAppStatusReport(wamid: id, status: status, recipient: s["recipient_id"] as? String ?? "",
                                                    errorCode: (error?["code"] as? NSNumber)?.intValue,
                                                    errorTitle: (error?["title"] as? String) ?? (error?["message"] as? String) ?? ""))
                }
            }
        }
        return out
    }
}
