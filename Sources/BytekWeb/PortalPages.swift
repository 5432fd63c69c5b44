import BytekModel
import BytekStore

/// The portal's pages, server-rendered in Spanish (es-PE). Every value from data goes through `HTML.escape`.
enum PortalPages {
    static func layout(_ title: String, _ body: String, header: String = "") -> String {
        """
        <!doctype html>
        <html lang="es-PE">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · BYTEK</title>
        <link rel="stylesheet" href="/static/app.css">
        </head>
        <body>
        <header><a class="marca" href="/">BYTEK</a>\(header)</header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(token))\">"
    }

    static func notice(_ text: String?, error: Bool = false) -> String {
        guard let text, !text.isEmpty else { return "" }
        return error ? "<p class=\"error\" role=\"alert\">\(HTML.escape(text))</p>" : "<p class=\"aviso\" role=\"status\">\(HTML.escape(text))</p>"
    }

    static func login(csrf: String, login: String = "", error: String? = nil, notice: String? = nil) -> String {
        layout("Ingresar", """
        <h1>Ingresar</h1>
        \(Self.notice(notice))\(Self.notice(error, error: true))
        <form class="tarjeta" method="post" action="/login">
        \(csrfField(csrf))
        <label for="usuario">Correo electrónico o usuario</label>
        <input type="text" id="usuario" name="usuario" value="\(HTML.escape(login))" autocomplete="username" required>
        <label for="clave">Contraseña</label>
        <input type="password" id="clave" name="clave" autocomplete="current-password" required>
        <button type="submit">Ingresar</button>
        </form>
        <p><a href="/olvide">¿Olvidó su contraseña?</a></p>
        """)
    }

    static func setPassword(csrf: String, token: String, who: String, error: String? = nil) -> String {
        layout("Crear contraseña", """
        <h1>Crear contraseña</h1>
        <p>Cuenta: <strong>\(HTML.escape(who))</strong></p>
        \(notice(error, error: true))
        <form class="tarjeta" method="post" action="/clave">
        \(csrfField(csrf))
        <input type="hidden" name="t" value="\(HTML.escape(token))">
        <label for="clave">Nueva contraseña (mínimo \(PortalService.minPasswordLength) caracteres)</label>
        <input type="password" id="clave" name="clave" autocomplete="new-password" minlength="\(PortalService.minPasswordLength)" required>
        <label for="repetir">Repita la contraseña</label>
        <input type="password" id="repetir" name="repetir" autocomplete="new-password" required>
        <button type="submit">Guardar contraseña</button>
        </form>
        """)
    }

    static func linkInvalid() -> String {
        layout("Enlace no válido", """
        <h1>Enlace no válido</h1>
        \(notice(PortalService.PasswordProblem.linkInvalid.message, error: true))
        <p><a class="boton" href="/olvide">Pedir un enlace nuevo</a></p>
        """)
    }

    static func forgot(csrf: String, sent: Bool = false) -> String {
        layout("Olvidé mi contraseña", """
        <h1>¿Olvidó su contraseña?</h1>
        \(sent ? notice("Si el correo corresponde a una cuenta, le enviamos un enlace para crear una contraseña nueva. Revise su bandeja de entrada.") : "")
        <form class="tarjeta" method="post" action="/olvide">
        \(csrfField(csrf))
        <label for="correo">Correo electrónico</label>
        <input type="email" id="correo" name="correo" autocomplete="email" required>
        <button type="submit">Enviar enlace</button>
        </form>
        <p><a href="/">Volver a ingresar</a></p>
        """)
    }

    static func logoutForm(csrf: String) -> String {
        "<form method=\"post\" action=\"/salir\">\(csrfField(csrf))<button type=\"submit\">Cerrar sesión</button></form>"
    }

    static func pickCustomer(_ customers: [PortalCustomer], csrf: String) -> String {
        let items = customers.map {
            "<li><a class=\"boton\" href=\"/c/\($0.id)\">\(HTML.escape($0.legalName)) <span class=\"muted\">(\(HTML.escape($0.docType)) \(HTML.escape($0.docNumber)))</span></a></li>"
        }.joined(separator: "\n")
        let body = customers.isEmpty
            ? notice("Su cuenta no tiene clientes activos. Comuníquese con BYTEK.", error: true)
            : "<p>Usted es contacto de varias empresas. Elija con cuál trabajar:</p>\n<ul class=\"clientes\">\n\(items)\n</ul>"
        return layout("Elija la empresa", "<h1>Elija la empresa</h1>\n\(body)", header: logoutForm(csrf: csrf))
    }

    static func contactHome(_ home: PortalService.ContactHome, csrf: String,
                            sections: [CustomerPages.Section] = CustomerPages.sections(payments: false)) -> String {
        let c = home.customer
        var switcher = ""
        if home.allCustomers.count > 1 {
            let links = home.allCustomers.map {
                $0.id == c.id
                    ? "<a href=\"/c/\($0.id)\" aria-current=\"page\">\(HTML.escape($0.legalName))</a>"
                    : "<a href=\"/c/\($0.id)\">\(HTML.escape($0.legalName))</a>"
            }.joined(separator: " · ")
            switcher = "<nav class=\"cambiar\" aria-label=\"Cambiar de empresa\">Empresa: \(links)</nav>"
        }
        let people = home.contacts.map { p in
            """
            <dl>
            <dt>Nombre</dt><dd>\(HTML.escape(p.name))</dd>
            <dt>Cargo</dt><dd>\(HTML.escape(p.role.isEmpty ? "—" : p.role))</dd>
            <dt>Correo</dt><dd>\(HTML.escape(p.email))</dd>
            <dt>Teléfono</dt><dd>\(HTML.escape(p.phone.isEmpty ? "—" : p.phone))</dd>
            </dl>
            """
        }.joined(separator: "\n")
        return layout(c.legalName, """
        \(CustomerPages.nav(c.id ?? 0, current: .inicio, sections: sections))
        \(switcher)
        <h1>\(HTML.escape(c.legalName))</h1>
        <p class="muted">\(HTML.escape(c.docType.rawValue)) \(HTML.escape(c.docNumber))</p>
        <section class="tarjeta" aria-labelledby="sus-datos"><h2 id="sus-datos">Sus datos</h2>
        \(people)
        </section>
        <section class="tarjeta" aria-labelledby="sus-documentos"><h2 id="sus-documentos">Sus documentos</h2>
        \(CustomerPages.homeLinks(c.id ?? 0, sections: sections))
        </section>
        <section class="tarjeta" aria-labelledby="sus-proyectos"><h2 id="sus-proyectos">Sus proyectos</h2>
        <p><a class="boton" href="/c/\(c.id ?? 0)/proyectos">Proyectos</a> <span class="muted">Avance, hitos, entregables y aprobaciones.</span></p>
        </section>
        """, header: logoutForm(csrf: csrf))
    }

    static func technicianHome(name: String, today: String, csrf: String, hours: String = "") -> String {
        layout("Inicio", """
        <h1>Hola, \(HTML.escape(name))</h1>
        <p>Hoy es <strong>\(HTML.escape(today))</strong>.</p>
        <section class="tarjeta" aria-labelledby="sus-visitas"><h2 id="sus-visitas">Sus visitas</h2>
        <p class="muted">Aún no hay visitas programadas. Aquí verá las visitas del día.</p>
        </section>
        \(hours)
        """, header: logoutForm(csrf: csrf))
    }

    static func message(_ title: String, _ text: String) -> String {
        layout(title, "<h1>\(HTML.escape(title))</h1>\n<p>\(HTML.escape(text))</p>\n<p><a href=\"/\">Ir al inicio</a></p>")
    }
}
