import BytekGateways
import BytekModel
import BytekStore

/// The page that holds the gateway's embedded form (pay now, save a card). It is the only kind of page whose
/// policy allows a script: the gateway's, from the origins of its `CheckoutSession` (`ContentPolicy.checkout`).
/// None of our own JavaScript runs: the gateway's script draws the card fields and sends the browser back to
/// `returnURL` with its answer.
enum CheckoutPages {
    /// The embedded form of `session`, as each gateway's script expects to find it.
    static func embed(_ session: CheckoutSession, returnURL: String) -> String {
        let script = HTML.escape(session.scriptURL)
        let back = HTML.escape(returnURL)
        switch session.gateway {
        case .izipay:
            // Paid and refused both come back to us, so the result page says why in Spanish.
            return """
            <script src="\(script)" kr-public-key="\(HTML.escape(session.publicKey))" kr-post-url-success="\(back)" kr-post-url-refused="\(back)"></script>
            <div class="kr-embedded pasarela" kr-form-token="\(HTML.escape(session.token))"></div>
            """
        case .niubiz:
            let amount = session.amount.map { $0.money.plainAmount } ?? "0.00"
            return """
            <form class="pasarela" action="\(back)" method="post"><script src="\(script)" data-sessiontoken="\(HTML.escape(session.token))" data-merchantid="\(HTML.escape(session.publicKey))" data-purchasenumber="\(HTML.escape(session.orderId))" data-amount="\(HTML.escape(amount))" data-channel="web"></script></form>
            """
        }
    }

    /// The pay page: what is being paid, then the gateway's form.
    static func pay(_ customer: PortalCustomer, session: CheckoutSession, returnURL: String, summary: String, csrf: String,
                    sections: [CustomerPages.Section], section: CustomerPages.Section = .pagar,
                    title: String = "Pagar con tarjeta") -> String {
        CustomerPages.page(customer, section, title: title, csrf: csrf, sections: sections, """
        \(summary)
        <section class="tarjeta" aria-labelledby="datos-tarjeta">
        <h2 id="datos-tarjeta">Datos de la tarjeta</h2>
        <p class="muted">Los datos de su tarjeta van directamente a \(HTML.escape(session.gateway.displayName)); BYTEK no los ve ni los guarda.</p>
        \(embed(session, returnURL: returnURL))
        </section>
        <p><a href="\(CustomerPages.Section.pagar.path(customer.id))">Cancelar y volver</a></p>
        """)
    }
}
