/// The packages' default templates (issue 13 §2), as values the next step stores and operaciones edits.
/// Durations are in working days.
public enum DefaultTemplates {
    /// "Landing page 7 días": 7 working days from the brief to publication.
    public static let landingPage = ProjectTemplate(name: "Landing page 7 días", unit: .digital, steps: [
        TemplateStep("brief", workingDays: 1, checklist: [
            "Reunión de inicio con el cliente", "Objetivo y público de la página", "Logo, colores y accesos recibidos",
        ], role: .ventas),
        TemplateStep("diseño", workingDays: 1, checklist: [
            "Boceto de la página (escritorio y móvil)", "Aprobación interna del boceto",
        ], role: .operaciones),
        TemplateStep("contenido", workingDays: 1, checklist: [
            "Textos redactados", "Imágenes optimizadas", "Formulario y llamados a la acción definidos",
        ], role: .operaciones),
        TemplateStep("desarrollo", workingDays: 2, checklist: [
            "Maquetación responsive", "Formulario conectado", "Analítica y píxeles instalados", "Prueba en celular",
        ], role: .operaciones),
        TemplateStep("revisión del cliente", workingDays: 1, checklist: [
            "Enlace de prueba enviado al cliente", "Cambios del cliente aplicados",
        ], role: .operaciones),
        TemplateStep("publicación", workingDays: 1, checklist: [
            "Dominio y SSL", "Publicada y verificada", "Entrega de accesos al cliente",
        ], role: .operaciones),
    ])

    /// "SEO mensual": one month of SEO work (20 working days), reported to the customer at the end.
    public static let seoMonthly = ProjectTemplate(name: "SEO mensual", unit: .digital, steps: [
        TemplateStep("auditoría", workingDays: 2, checklist: [
            "Rastreo del sitio", "Errores de indexación revisados", "Posiciones de las palabras clave",
        ], role: .operaciones),
        TemplateStep("palabras clave", workingDays: 2, checklist: [
            "Investigación de palabras clave", "Plan de contenidos del mes",
        ], role: .operaciones),
        TemplateStep("optimización on-page", workingDays: 6, checklist: [
            "Títulos y descripciones", "Enlazado interno", "Velocidad de carga",
        ], role: .operaciones),
        TemplateStep("contenido", workingDays: 6, checklist: [
            "Artículos del mes redactados", "Artículos publicados",
        ], role: .operaciones),
        TemplateStep("enlaces", workingDays: 2, checklist: ["Enlaces externos conseguidos"], role: .operaciones),
        TemplateStep("informe mensual", workingDays: 2, checklist: [
            "Informe de resultados", "Reunión con el cliente",
        ], role: .operaciones),
    ])

    /// "Campaña": a paid-media campaign of 10 working days from the brief to its first report.
    public static let campaign = ProjectTemplate(name: "Campaña", unit: .digital, steps: [
        TemplateStep("brief", workingDays: 1, checklist: [
            "Objetivo, presupuesto y público", "Accesos a las cuentas publicitarias",
        ], role: .ventas),
        TemplateStep("estrategia", workingDays: 1, checklist: ["Plan de medios", "Segmentación"], role: .operaciones),
        TemplateStep("piezas", workingDays: 3, checklist: [
            "Textos de los anuncios", "Piezas gráficas y videos", "Aprobación del cliente",
        ], role: .operaciones),
        TemplateStep("configuración", workingDays: 1, checklist: [
            "Campañas creadas", "Píxel y conversiones verificados",
        ], role: .operaciones),
        TemplateStep("lanzamiento", workingDays: 1, checklist: ["Campaña activa", "Aviso al cliente"], role: .operaciones),
        TemplateStep("optimización", workingDays: 2, checklist: ["Ajuste de pujas y públicos"], role: .operaciones),
        TemplateStep("informe", workingDays: 1, checklist: ["Informe de resultados enviado"], role: .operaciones),
    ])

    /// The three, in the order a list offers them.
    public static let all = [landingPage, seoMonthly, campaign]
}
