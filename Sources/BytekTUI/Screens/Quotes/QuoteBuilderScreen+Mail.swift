import BytekModel
import BytekServices
import Foundation

extension QuoteBuilderScreen {
    /// `m`: e-mails this version's PDF to the customer. The addresses come prefilled (the customer's contacts)
    /// and can be edited; the message is queued and the worker sends it (logged on the customer).
    func mailQuote(_ context: AppContext) {
        guard permitted(.messageSend, context), let id = storedId(context) else { return }
        let messages = context.services(store).messages
        let prefilled: [String]
        do { prefilled = try messages.quoteRecipients(quoteId: id) } catch { context.error(MessageText.describe(error, strings)); return }
        let texts = ReasonDialog.Texts(title: strings["msg.quote.title"],
                                       prompt: strings.format("msg.quote.prompt", quote.number, String(quote.version)),
                                       hint: strings["msg.quote.hint"], confirm: strings["msg.quote.confirm"],
                                       empty: strings["msg.quote.empty"])
        context.present(ReasonDialog(texts, maxLength: 1000, initial: prefilled.joined(separator: ", "), strings: strings) {
            [weak self] answer in
            guard let self, let answer else { return }
            let to = answer.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            do {
                let messageId = try messages.sendQuote(quoteId: id, to: to)
                let m = try messages.message(id: messageId)
                context.ok(self.strings.format("msg.quote.queued", m.reference, m.recipientText))
            } catch {
                context.error(MessageText.describe(error, self.strings))
            }
        })
    }
}
