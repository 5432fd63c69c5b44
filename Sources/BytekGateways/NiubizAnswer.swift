import BytekModel
import Foundation

/// Reading Niubiz's authorization answers: `dataMap` when authorized, `data` when not (with its ACTION_CODE).
enum NiubizAnswer {
    static let currencies = ["0604": Currency.pen, "0840": .usd, "PEN": .pen, "USD": .usd]

    /// What an authorization (or a retrieved purchase) says; nil when it carries neither dataMap nor data.
    static func lookup(_ json: GatewayJSONObject, purchaseNumber: String, fallback: GatewayAmount?, cardToken: String?) -> OrderLookup? {
        if let map = json.object("dataMap") {
            let status = map.string("STATUS") ?? ""
            if status == "Pending" { return .pending }
            if map.string("ACTION_CODE") == "000" || status == "Authorized" {
                guard let tx = transaction(map, order: json.object("order"), purchaseNumber: purchaseNumber,
                                           fallback: fallback, cardToken: cardToken) else { return nil }
                return .approved(tx)
            }
            return .declined(code: map.string("ACTION_CODE") ?? status, message: map.string("ACTION_DESCRIPTION") ?? status)
        }
        if let data = json.object("data"), let code = data.string("ACTION_CODE") {
            return .declined(code: code, message: data.string("ACTION_DESCRIPTION") ?? json.string("errorMessage") ?? "Denegada")
        }
        return nil
    }

    static func transaction(_ map: GatewayJSONObject, order: GatewayJSONObject?, purchaseNumber: String,
                            fallback: GatewayAmount?, cardToken: String?) -> GatewayTransaction? {
        guard let id = map.string("TRANSACTION_ID") ?? order?.string("transactionId") else { return nil }
        let currency = (map.string("CURRENCY") ?? order?.string("currency")).flatMap { currencies[$0] } ?? fallback?.currency
        var amount = fallback
        if let text = map.string("AMOUNT"), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
           let currency, let exact = try? GatewayAmount(Money(value, currency)) {
            amount = exact
        }
        guard let amount else { return nil }
        var card: CardDetails?
        if let masked = map.string("CARD") {
            let expiry = map.string("EXPIRATION").flatMap { $0.count == 4 ? $0 : nil }  // YYMM
            card = CardDetails(brand: map.string("BRAND") ?? "", maskedNumber: masked,
                               expiryMonth: expiry.flatMap { Int($0.suffix(2)) } ?? 0,
                               expiryYear: expiry.flatMap { Int($0.prefix(2)) }.map { 2000 + $0 } ?? 0)
        }
        return GatewayTransaction(orderId: purchaseNumber, transactionId: id,
                                  authorizationCode: map.string("AUTHORIZATION_CODE") ?? order?.string("authorizationCode"),
                                  amount: amount, card: card, cardToken: map.string("CARD_TOKEN") ?? cardToken)
    }

    /// "10.50" for 1050 cents.
    static func decimal(_ amount: GatewayAmount) -> String {
        let cents = amount.cents
        let frac = cents % 100
        return "\(cents / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }
}
