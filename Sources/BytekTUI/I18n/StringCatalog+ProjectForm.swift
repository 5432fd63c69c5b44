extension StringCatalog {
    /// Operaciones › Proyectos › Nuevo proyecto: the form's pickers, the due dates of its template and its refusals.
    static let projectForm: [String: (es: String, en: String)] = [
        "proj.form.kind": ("Tipo", "Kind"),
        "proj.form.schedule": ("Vencimientos", "Due dates"),
        "proj.form.currency": ("Moneda", "Currency"),
        "proj.form.sold": ("Monto vendido", "Sold amount"),
        "proj.form.soldHint": ("Opcional, sin IGV", "Optional, without IGV"),
        "proj.form.managerHint": ("Un usuario activo", "An active user"),
        "proj.form.contract": ("Contrato", "Contract"),
        "proj.form.contractHint": ("Opcional, del cliente", "Optional, the customer's"),
        "proj.form.pickContract": ("Contrato del cliente", "Contract of the customer"),
        "proj.err.contractCustomer": ("Contrato: elija primero el cliente.", "Contract: pick the customer first."),
        "proj.form.key.pick": ("Elegir", "Pick"),
        "proj.form.help.pick": ("En Cliente, Plantilla o Responsable: abrir la lista para elegir (o escriba para buscar; Retroceso borra)", "On Customer, Template or Manager: open the list to pick from (or type to search; Backspace clears)"),
        "proj.form.pickCustomer": ("Cliente del proyecto (nombre, RUC o DNI)", "Customer of the project (name, RUC or DNI)"),
        "proj.form.pickTemplate": ("Plantilla de tarjetas (proyectos kanban)", "Card template (kanban projects)"),
        "proj.form.pickManager": ("Responsable del proyecto (usuarios activos)", "Project manager (active users)"),
        "proj.form.customerPicked": ("Cliente: {0}.", "Customer: {0}."),
        "proj.form.templateDetail": ("{0} · {1} pasos · {2} días háb.", "{0} · {1} steps · {2} working days"),
        "proj.form.scheduleStart": ("inicio {0}", "start {0}"),
        "proj.form.scheduleNote": ("«{0}»: empezar el {1}; la última tarjeta vence el {2}.", "«{0}»: start on {1}; the last card is due on {2}."),
        "proj.form.startsEarlier": ("La plantilla empieza el {0}: adelante el inicio o corra la fecha prometida.", "The template starts on {0}: move the start earlier or the promised date later."),
        "proj.form.noTemplate": ("Plantilla: no hay una plantilla activa «{0}»; escriba para elegir una de la lista.", "Template: there is no active template «{0}»; type to pick one from the list."),
        "proj.err.customerRequired": ("Cliente: escriba parte del nombre o del RUC/DNI y elija.", "Customer: type part of the name or RUC/DNI and pick from the list."),
        "proj.err.dateField": ("{0}: fecha no válida, use dd/mm/aaaa.", "{0}: invalid date, use dd/mm/yyyy."),
        "proj.err.templateKind": ("Plantilla: solo los proyectos kanban llevan plantilla; elija Kanban o borre la plantilla.", "Template: only kanban projects take a template; choose Kanban or clear the template."),
    ]
}
