#!/usr/bin/env python3
"""Local emulator of SUNAT's e-invoicing SOAP web services (billService and billConsultService).

Standard library only. It serves SOAP 1.1 on 127.0.0.1 and answers the way SUNAT does:
sendBill -> applicationResponse (base64 ZIP holding R-<name>.xml, a signed ApplicationResponse / CDR),
sendSummary -> ticket, getStatus(ticket) -> status (98 en proceso, 0 procesado, 99 con errores),
getStatusCdr -> statusCdr, and SOAP faults `soap-env:Client.NNNN` for exceptions (0100-1999).
Rejections (2000-3999) come back as a CDR whose ResponseCode is the error code, observations (4000+)
as cbc:Note "CODE - message" in an accepted CDR (ResponseCode 0).

Failure injection and the request log live under /__control and /__log (see README.md).
External tools: xmllint (XSD), xmlsec1 (signatures) and openssl (the emulator's own CDR key).
"""

from __future__ import annotations

import argparse
import base64
import binascii
import datetime as _dt
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from decimal import Decimal, InvalidOperation, ROUND_HALF_UP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

# --------------------------------------------------------------------------------------------
# Namespaces and SUNAT constants
# --------------------------------------------------------------------------------------------

NS = {
    "soap": "http://schemas.xmlsoap.org/soap/envelope/",
    "ser": "http://service.sunat.gob.pe",
    "wsse": "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
    "sac": "urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1",
}
CBC = "{%s}" % NS["cbc"]
CAC = "{%s}" % NS["cac"]
DS = "{%s}" % NS["ds"]

SUNAT_RUC = "20131312955"  # RUC of SUNAT itself: sender of every CDR.

ROOTS = {
    # root local name -> (document types allowed in the file name, main schema relative to the schemas dir)
    "Invoice": ({"01", "03"}, "2.1/maindoc/UBL-Invoice-2.1.xsd"),
    "CreditNote": ({"07"}, "2.1/maindoc/UBL-CreditNote-2.1.xsd"),
    "DebitNote": ({"08"}, "2.1/maindoc/UBL-DebitNote-2.1.xsd"),
    "DespatchAdvice": ({"09"}, "2.1/maindoc/UBL-DespatchAdvice-2.1.xsd"),
    "SummaryDocuments": ({"RC"}, "2.0/maindoc/UBL-SummaryDocuments-2.0.xsd"),
    "VoidedDocuments": ({"RA"}, "2.0/maindoc/UBL-VoidedDocuments-2.0.xsd"),
}

DOC_NAMES = {
    "01": ("La Factura", "aceptada"),
    "03": ("La Boleta", "aceptada"),
    "07": ("La Nota de Credito", "aceptada"),
    "08": ("La Nota de Debito", "aceptada"),
    "09": ("La Guia de Remision", "aceptada"),
    "RC": ("El Resumen diario", "aceptado"),
    "RA": ("La Comunicacion de baja", "aceptada"),
}

# SUNAT's return codes (Anexo "Listado de errores" / reglas de validación), messages as SUNAT sends them.
MESSAGES = {
    "0100": "El sistema no puede responder su solicitud. Intente nuevamente o comuníquese con su Administrador",
    "0101": "El encabezado de seguridad es incorrecto",
    "0102": "Usuario o contraseña incorrectos",
    "0109": "El sistema no puede responder su solicitud. (El servicio de autenticación no está disponible)",
    "0126": "El ticket no le pertenece al usuario",
    "0127": "El ticket no existe",
    "0153": "No se puede enviar por este método un archivo por lotes",
    "0130": "El sistema no puede responder su solicitud. (No se pudo obtener el ticket de proceso)",
    "0138": "El sistema no puede responder su solicitud. (Error en Base de Datos)",
    "0151": "El nombre del archivo ZIP es incorrecto",
    "0152": "No se puede enviar por este método un archivo de resumen",
    "0154": "El RUC del archivo no corresponde al RUC del usuario",
    "0155": "El archivo ZIP esta vacío",
    "0156": "El archivo ZIP esta corrupto",
    "0157": "El archivo ZIP no contiene comprobantes",
    "0158": "El archivo ZIP contiene demasiados comprobantes para este tipo de envío",
    "0159": "El nombre del archivo XML es incorrecto",
    "0160": "El archivo XML esta vacío",
    "0161": "El nombre del archivo XML no coincide con el nombre del archivo ZIP",
    "0200": "No se pudo procesar su solicitud. (Ocurrió un error en el batch)",
    "0301": "Elemento raíz del xml no está definido",
    "0305": "El sistema no puede procesar el archivo xml",
    "0306": "No se puede leer (parsear) el archivo XML",
    "1003": "InvoiceTypeCode - El valor del tipo de documento es invalido o no coincide con el nombre del archivo",
    "1033": "El comprobante fue registrado previamente con otros datos",
    "1034": "Número de RUC del nombre del archivo no coincide con el consignado en el contenido del archivo XML",
    "1035": "Numero de Serie del nombre del archivo no coincide con el consignado en el contenido del archivo XML",
    "1036": "Número de documento en el nombre del archivo no coincide con el consignado en el contenido del XML",
    "2017": "El numero de documento de identidad del receptor debe ser RUC",
    "2085": "El XML no contiene el tag ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/ds:Signature/@Id",
    "2101": "El XML no contiene el tag ext:UBLExtensions/.../ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate",
    "2104": "Numero de RUC del emisor no existe",
    "2105": "Factura a dar de baja no se encuentra registrada en SUNAT",
    "2119": "La factura relacionada en la Nota de credito no esta registrada.",
    "2120": "La factura relacionada en la nota de credito se encuentra de baja",
    "2121": "La factura relacionada en la nota de credito esta registrada como rechazada",
    "2207": "La factura relacionada en la nota de debito se encuentra de baja",
    "2208": "La factura relacionada en la nota de debito esta registrada como rechazada",
    "2209": "La factura relacionada en la Nota de debito no esta registrada",
    "2220": "El ID debe coincidir con el nombre del archivo",
    "2221": "El RUC debe coincidir con el RUC del nombre del archivo",
    "2223": "El archivo ya fue presentado anteriormente",
    "2285": "El ID debe coincidir con el nombre del archivo",
    "2286": "El RUC debe coincidir con el RUC del nombre del archivo",
    "2324": "El archivo de comunicacion de baja ya fue presentado anteriormente",
    "2335": "El documento electrónico ingresado ha sido alterado",
    "2336": "Ocurrió un error en el proceso de validación de la firma digital",
    "2800": "El dato ingresado en el tipo de documento de identidad del receptor no esta permitido",
    "2802": "CustomerAssignedAccountID - El RUC ingresado no cumple con el estandar",
    "3277": "La sumatoria del total valor de venta - operaciones gravadas de línea no corresponden al total",
    "3278": "La sumatoria de valor de venta no corresponde a los importes consignados",
    "3279": "La sumatoria del Total del valor de venta más los impuestos no concuerda con la base imponible",
    "3280": "El importe total del comprobante no coincide con el valor calculado",
    "3291": "El cálculo del IGV es Incorrecto",
    "3294": "La sumatoria de impuestos globales no corresponde al monto total de impuestos",
    "4001": "El numero de RUC del receptor no existe",
    "4252": "El dato ingresado como atributo @listName es incorrecto",
    "4287": "El precio unitario de la operación que está informando difiere de los cálculos realizados en base a la cantidad, valor unitario y el IGV",
    "4290": "El cálculo del IGV es Incorrecto",
}

CONSULT_MESSAGES = {
    "0004": "La constancia existe",
    "0011": "El comprobante de pago electrónico no existe",
    "0004F": "El formato del RUC no es válido",
}

RUC_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def message_for(code: str) -> str:
    return MESSAGES.get(code, "Error %s" % code)


def ruc_is_valid(ruc: str | None) -> bool:
    """SUNAT's modulo-11 check digit on an 11-digit RUC starting with 10, 15, 16, 17 or 20."""
    if not ruc or not re.fullmatch(r"\d{11}", ruc) or ruc[:2] not in {"10", "15", "16", "17", "20"}:
        return False
    total = sum(int(d) * w for d, w in zip(ruc[:10], RUC_WEIGHTS))
    check = 11 - total % 11
    if check == 10:
        check = 0
    elif check == 11:
        check = 1
    return check == int(ruc[10])


# --------------------------------------------------------------------------------------------
# Errors carried through the pipeline
# --------------------------------------------------------------------------------------------


class SoapFault(Exception):
    """An exception answer (0100-1999, or a 2000+ code when configured as a fault)."""

    def __init__(self, code: str, detail: str = "", server: bool = False, message: str | None = None):
        super().__init__(code)
        self.code = code
        self.detail = detail
        self.server = server
        self.message = message

    @property
    def faultstring(self) -> str:
        msg = self.message or message_for(self.code)
        return "%s - Detalle: %s" % (msg, self.detail) if self.detail else msg


class Rejection(Exception):
    """A rejection (2000-3999): SUNAT keeps the number and answers with a CDR carrying the code."""

    def __init__(self, code: str, detail: str = "", message: str | None = None):
        super().__init__(code)
        self.code = code
        self.detail = detail
        self.message = message or message_for(code)


# --------------------------------------------------------------------------------------------
# Tools: xmllint, xmlsec1, openssl
# --------------------------------------------------------------------------------------------


class Tools:
    def __init__(self, workdir: Path, schemas: Path | None, log):
        self.workdir = workdir
        self.schemas = schemas
        self.log = log
        self.xmllint = shutil.which("xmllint")
        self.xmlsec1 = shutil.which("xmlsec1")
        self.openssl = shutil.which("openssl")
        self.cdr_key: Path | None = None
        self.cdr_cert: Path | None = None
        self._counter = 0
        self._lock = threading.Lock()

    def tmp(self, suffix: str) -> Path:
        with self._lock:
            self._counter += 1
            n = self._counter
        return self.workdir / ("t%06d%s" % (n, suffix))

    def make_cdr_key(self) -> None:
        if not self.openssl:
            self.log("AVISO: openssl no está instalado; los CDR no se firmarán")
            return
        key, cert = self.workdir / "cdr-key.pem", self.workdir / "cdr-cert.pem"
        r = subprocess.run(
            [self.openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650",
             "-keyout", str(key), "-out", str(cert),
             "-subj", "/C=PE/O=SUNAT EMULADOR (PRUEBAS)/CN=%s" % SUNAT_RUC],
            capture_output=True, text=True)
        if r.returncode != 0:
            self.log("AVISO: openssl no pudo crear la clave del CDR (%s); los CDR no se firmarán" % r.stderr.strip())
            return
        self.cdr_key, self.cdr_cert = key, cert

    def schema_errors(self, xml: bytes, schema_rel: str) -> str | None:
        """None when valid (or when the check is off); else xmllint's messages."""
        if not self.schemas or not self.xmllint:
            return None
        schema = self.schemas / schema_rel
        if not schema.is_file():
            return None
        path = self.tmp(".xml")
        path.write_bytes(xml)
        try:
            r = subprocess.run([self.xmllint, "--noout", "--nonet", "--schema", str(schema), str(path)],
                               capture_output=True, text=True, timeout=60)
        finally:
            path.unlink(missing_ok=True)
        if r.returncode == 0:
            return None
        lines = [ln.replace(str(path), "archivo") for ln in r.stderr.splitlines() if ln.strip()]
        return "; ".join(lines[:3]) or "el XML no cumple el esquema"

    def verify(self, xml: bytes, cert_b64: str) -> tuple[bool, str]:
        """Verifies the enveloped signature trusting the certificate embedded in the document."""
        if not self.xmlsec1:
            return True, "xmlsec1 no disponible"
        pem = self.tmp(".pem")
        doc = self.tmp(".xml")
        body = re.sub(r"\s+", "", cert_b64)
        pem.write_text("-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----\n"
                       % "\n".join(body[i:i + 64] for i in range(0, len(body), 64)))
        doc.write_bytes(xml)
        try:
            r = subprocess.run([self.xmlsec1, "--verify", "--trusted-pem", str(pem), str(doc)],
                               capture_output=True, text=True, timeout=60)
        finally:
            pem.unlink(missing_ok=True)
            doc.unlink(missing_ok=True)
        return r.returncode == 0, (r.stderr.strip().splitlines() or [""])[-1]

    def sign(self, template: bytes) -> bytes:
        if not (self.xmlsec1 and self.cdr_key and self.cdr_cert):
            return template
        src, out = self.tmp(".xml"), self.tmp(".xml")
        src.write_bytes(template)
        try:
            r = subprocess.run([self.xmlsec1, "--sign", "--privkey-pem", "%s,%s" % (self.cdr_key, self.cdr_cert),
                                "--output", str(out), str(src)], capture_output=True, text=True, timeout=60)
            if r.returncode != 0:
                self.log("AVISO: xmlsec1 no pudo firmar el CDR: %s" % r.stderr.strip())
                return template
            return out.read_bytes()
        finally:
            src.unlink(missing_ok=True)
            out.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------
# CDR (ApplicationResponse) and its ZIP
# --------------------------------------------------------------------------------------------

SIGNATURE_TEMPLATE = (
    '<ds:Signature Id="SignSUNAT">'
    '<ds:SignedInfo>'
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>'
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>'
    '<ds:Reference URI="">'
    '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>'
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>'
    '<ds:DigestValue/>'
    '</ds:Reference>'
    '</ds:SignedInfo>'
    '<ds:SignatureValue/>'
    '<ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo>'
    '</ds:Signature>'
)


# The injected clock: with --clock-file (or $BYTEK_CLOCK_FILE) "now" is the ISO-8601 instant in that file,
# re-read on every call, the same file the bytek binary and its worker read; else the system clock.
CLOCK_FILE: str | None = os.environ.get("BYTEK_CLOCK_FILE") or None


def clock_now() -> _dt.datetime:
    """Now, as local naive time (as datetime.now() gives it), by the clock file when there is one."""
    if CLOCK_FILE:
        try:
            with open(CLOCK_FILE, encoding="utf-8") as f:
                text = f.read().strip()
            instant = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            return _dt.datetime.fromtimestamp(instant.timestamp())
        except (OSError, ValueError):
            pass
    return _dt.datetime.now()


def build_cdr(*, response_id: str, issuer_ruc: str, reference_id: str, code: str, description: str,
              notes: list[str], recipient: str | None, issue: _dt.datetime | None = None,
              now: _dt.datetime | None = None) -> bytes:
    now = now or clock_now()
    issue = issue or now
    e = escape
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<ar:ApplicationResponse xmlns:ar="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"'
        ' xmlns:cac="%s" xmlns:cbc="%s" xmlns:ds="%s" xmlns:ext="%s">'
        % (NS["cac"], NS["cbc"], NS["ds"], NS["ext"]),
        '<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent>%s</ext:ExtensionContent>'
        '</ext:UBLExtension></ext:UBLExtensions>' % SIGNATURE_TEMPLATE,
        '<cbc:UBLVersionID>2.0</cbc:UBLVersionID>',
        '<cbc:CustomizationID>1.0</cbc:CustomizationID>',
        '<cbc:ID>%s</cbc:ID>' % e(response_id),
        '<cbc:IssueDate>%s</cbc:IssueDate>' % issue.strftime("%Y-%m-%d"),
        '<cbc:IssueTime>%s</cbc:IssueTime>' % issue.strftime("%H:%M:%S"),
        '<cbc:ResponseDate>%s</cbc:ResponseDate>' % now.strftime("%Y-%m-%d"),
        '<cbc:ResponseTime>%s</cbc:ResponseTime>' % now.strftime("%H:%M:%S"),
    ]
    parts += ['<cbc:Note>%s</cbc:Note>' % e(n) for n in notes]
    parts += [
        '<cac:Signature><cbc:ID>SignSUNAT</cbc:ID>'
        '<cac:SignatoryParty><cac:PartyIdentification><cbc:ID>%s</cbc:ID></cac:PartyIdentification>'
        '<cac:PartyName><cbc:Name>SUNAT</cbc:Name></cac:PartyName></cac:SignatoryParty>'
        '<cac:DigitalSignatureAttachment><cac:ExternalReference><cbc:URI>#SignSUNAT</cbc:URI>'
        '</cac:ExternalReference></cac:DigitalSignatureAttachment></cac:Signature>' % SUNAT_RUC,
        '<cac:SenderParty><cac:PartyIdentification><cbc:ID>%s</cbc:ID></cac:PartyIdentification></cac:SenderParty>'
        % SUNAT_RUC,
        '<cac:ReceiverParty><cac:PartyIdentification><cbc:ID>%s</cbc:ID></cac:PartyIdentification>'
        '</cac:ReceiverParty>' % e(issuer_ruc),
        '<cac:DocumentResponse>',
        '<cac:Response><cbc:ReferenceID>%s</cbc:ReferenceID><cbc:ResponseCode>%s</cbc:ResponseCode>'
        '<cbc:Description>%s</cbc:Description></cac:Response>' % (e(reference_id), e(code), e(description)),
        '<cac:DocumentReference><cbc:ID>%s</cbc:ID></cac:DocumentReference>' % e(reference_id),
    ]
    if recipient:
        parts.append('<cac:RecipientParty><cac:PartyIdentification><cbc:ID>%s</cbc:ID>'
                     '</cac:PartyIdentification></cac:RecipientParty>' % e(recipient))
    parts += ['</cac:DocumentResponse>', '</ar:ApplicationResponse>\n']
    return "".join(parts).encode("utf-8")


def zip_cdr(base_name: str, xml: bytes) -> bytes:
    """R-<name>.zip as SUNAT builds it: an empty `dummy/` folder entry, then R-<name>.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("dummy/"), b"")
        z.writestr("R-%s.xml" % base_name, xml)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Document inspection
# --------------------------------------------------------------------------------------------


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def dec(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None


def txt(elem, path: str) -> str | None:
    found = elem.find(path, NS) if elem is not None else None
    if found is None or found.text is None:
        return None
    return found.text.strip()


def party_ids(party) -> list[tuple[str | None, str]]:
    """(schemeID, number) of a supplier/customer party, in UBL 2.1 and 2.0 shapes."""
    if party is None:
        return []
    out = []
    for path in ("cac:Party/cac:PartyIdentification/cbc:ID", "cac:Party/cac:PartyLegalEntity/cbc:CompanyID",
                 "cac:Party/cac:PartyTaxScheme/cbc:CompanyID"):
        for el in party.findall(path, NS):
            if el.text and el.text.strip():
                out.append((el.get("schemeID"), el.text.strip()))
    cust = party.find("cbc:CustomerAssignedAccountID", NS)
    if cust is not None and cust.text:
        out.append((txt(party, "cbc:AdditionalAccountID"), cust.text.strip()))
    return out


class Checker:
    """SUNAT's checks on the content of a business document, in SUNAT's order."""

    def __init__(self, tolerance: Decimal):
        self.tol = tolerance

    @staticmethod
    def issuer_ruc(root) -> str | None:
        party = root.find("cac:AccountingSupplierParty", NS)
        if party is None:
            party = root.find("cac:DespatchSupplierParty", NS)
        for _, number in party_ids(party):
            if re.fullmatch(r"\d{11}", number):
                return number
        return None

    @staticmethod
    def customer(root) -> tuple[str | None, str | None]:
        ids = party_ids(root.find("cac:AccountingCustomerParty", NS))
        return ids[0] if ids else (None, None)

    @staticmethod
    def doc_type(root) -> str | None:
        kind = local(root.tag)
        if kind == "Invoice":
            return txt(root, "cbc:InvoiceTypeCode")
        return {"CreditNote": "07", "DebitNote": "08", "DespatchAdvice": "09"}.get(kind)

    def totals(self, root) -> None:
        kind = local(root.tag)
        line_tag = {"Invoice": "cac:InvoiceLine", "CreditNote": "cac:CreditNoteLine",
                    "DebitNote": "cac:DebitNoteLine"}.get(kind)
        if not line_tag:
            return
        total_tag = "cac:RequestedMonetaryTotal" if kind == "DebitNote" else "cac:LegalMonetaryTotal"
        lmt = root.find(total_tag, NS)
        if lmt is None:
            return
        zero = Decimal("0")
        lines = root.findall(line_tag, NS)
        sum_onerous = zero
        sum_gravado = zero
        gravado_lines = 0
        for line in lines:
            ext = dec(txt(line, "cbc:LineExtensionAmount")) or zero
            codes = {txt(s, "cac:TaxCategory/cac:TaxScheme/cbc:ID")
                     for s in line.findall("cac:TaxTotal/cac:TaxSubtotal", NS)}
            if "9996" in codes:  # free of charge: not part of the sale value
                continue
            sum_onerous += ext
            if "1000" in codes:
                sum_gravado += ext
                gravado_lines += 1

        def global_ac(charge: bool, reasons: set[str]) -> Decimal:
            s = zero
            for ac in root.findall("cac:AllowanceCharge", NS):
                if (txt(ac, "cbc:ChargeIndicator") or "").lower() == ("true" if charge else "false") \
                        and txt(ac, "cbc:AllowanceChargeReasonCode") in reasons:
                    s += dec(txt(ac, "cbc:Amount")) or zero
            return s

        discounts = global_ac(False, {"02", "04"})
        charges = global_ac(True, {"49"})
        line_ext = dec(txt(lmt, "cbc:LineExtensionAmount"))
        if line_ext is not None and abs(line_ext - (sum_onerous - global_ac(False, {"02"}) + charges)) > self.tol:
            raise Rejection("3278", "suma de líneas %s, total %s" % (sum_onerous, line_ext))

        taxes = zero
        for sub in root.findall("cac:TaxTotal/cac:TaxSubtotal", NS):
            scheme = txt(sub, "cac:TaxCategory/cac:TaxScheme/cbc:ID")
            taxable = dec(txt(sub, "cbc:TaxableAmount"))
            amount = dec(txt(sub, "cbc:TaxAmount")) or zero
            if scheme in {"1000", "1016", "2000", "7152", "9999"}:
                taxes += amount
            if scheme == "1000" and taxable is not None:
                expected_base = sum_gravado - discounts + charges
                if abs(taxable - expected_base) > self.tol:
                    raise Rejection("3277", "gravadas de líneas %s, total %s" % (expected_base, taxable))
                percent = zero
                for line in lines:
                    for ls in line.findall("cac:TaxTotal/cac:TaxSubtotal", NS):
                        if txt(ls, "cac:TaxCategory/cac:TaxScheme/cbc:ID") == "1000":
                            percent = dec(txt(ls, "cac:TaxCategory/cbc:Percent")) or percent
                percent = percent or Decimal("18")
                expected = (taxable * percent / Decimal(100)).quantize(Decimal("0.01"), ROUND_HALF_UP)
                # Each line's IGV is rounded on its own: allow half a cent per gravada line on top.
                slack = self.tol + Decimal("0.005") * gravado_lines
                if abs(amount - expected) > slack:
                    raise Rejection("3291", "IGV %s, esperado %s (%s%% de %s)" % (amount, expected, percent, taxable))
        tax_total = dec(txt(root, "cac:TaxTotal/cbc:TaxAmount"))
        if tax_total is not None and abs(tax_total - taxes) > self.tol:
            raise Rejection("3294", "total de impuestos %s, suma %s" % (tax_total, taxes))
        inclusive = dec(txt(lmt, "cbc:TaxInclusiveAmount"))
        if inclusive is not None and line_ext is not None and abs(inclusive - (line_ext + taxes)) > self.tol:
            raise Rejection("3279", "precio de venta %s, esperado %s" % (inclusive, line_ext + taxes))
        payable = dec(txt(lmt, "cbc:PayableAmount"))
        if payable is not None:
            base = inclusive if inclusive is not None else (line_ext or zero) + taxes
            expected = (base + (dec(txt(lmt, "cbc:ChargeTotalAmount")) or zero)
                        - (dec(txt(lmt, "cbc:AllowanceTotalAmount")) or zero)
                        - (dec(txt(lmt, "cbc:PrepaidAmount")) or zero)
                        + (dec(txt(lmt, "cbc:PayableRoundingAmount")) or zero))
            if abs(payable - expected) > self.tol:
                raise Rejection("3280", "importe total %s, calculado %s" % (payable, expected))


class Rules:
    """SUNAT's own validation stylesheets, run by `run-rules` (../shared/sunat/xsl) under Debian's python3.

    run-rules needs lxml, which the pyenv `python3` on the PATH may lack: it is always run with
    /usr/bin/python3 (`BYTEK_RULES_PYTHON` overrides it). It prints `E code message` (SUNAT rejects),
    `W code message` (accepted with an observation), exit 0 / 1 / 2 (could not run). Without --all it stops
    at the first error, as SUNAT does. The message of each code comes from SUNAT's CatalogoErrores.xml.
    """

    def __init__(self, folder: Path | None, workdir: Path, log):
        self.folder = folder
        self.workdir = workdir
        self.log = log
        self.python = os.environ.get("BYTEK_RULES_PYTHON", "/usr/bin/python3")
        self.messages: dict[str, str] = {}
        if folder is None:
            return
        catalog = folder / "contenido" / "commons" / "cpe" / "catalogo" / "CatalogoErrores.xml"
        try:
            for e in ET.parse(catalog).getroot().iter("error"):
                if e.get("numero"):
                    self.messages[e.get("numero")] = " ".join((e.text or "").split())
        except (OSError, ET.ParseError) as e:
            log("AVISO: no se pudo leer %s (%s); los mensajes serán los del emulador" % (catalog, e))

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def message(self, code: str) -> str:
        return self.messages.get(code) or message_for(code)

    def run(self, xml: bytes, name: str) -> tuple[list[tuple[str, str, str]], str | None]:
        """[(level, code, detail)] for the document SUNAT receives as `name` (RUC-TT-SERIE-NUM.xml),
        and a text when the rules could not run (then nothing is concluded from them)."""
        if self.folder is None:
            return [], None
        fd, path = tempfile.mkstemp(suffix=".xml", dir=self.workdir)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(xml)
            try:
                r = subprocess.run([self.python, str(self.folder / "run-rules"), path, name],
                                   capture_output=True, timeout=120)
            except (OSError, subprocess.TimeoutExpired) as e:
                return [], "run-rules no pudo ejecutarse: %s" % e
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass
        out = r.stdout.decode("utf-8", "replace")
        if r.returncode not in (0, 1):
            return [], "run-rules terminó con %d: %s" % (r.returncode, (r.stderr.decode("utf-8", "replace") or out)[-500:])
        found = []
        for line in out.splitlines():
            m = re.match(r"([EW]) (\d{4}) ?(.*)", line)
            if m:
                found.append((m.group(1), m.group(2), m.group(3).strip()))
        return found, None

    def apply(self, xml: bytes, name: str, entry: dict) -> list[str]:
        """Raises the Rejection of the first E code; returns the CDR notes of the W codes."""
        found, failure = self.run(xml, name)
        if failure:
            self.log("AVISO: %s; el documento %s no pasó por las reglas de SUNAT" % (failure, name))
            entry["rules"] = "no ejecutadas"
            return []
        entry["rules"] = [("%s %s" % (level, code)) for level, code, _ in found]
        for level, code, detail in found:
            if level == "E" and int(code) < 2000:  # 0100-1999: an exception, the document is not registered
                raise SoapFault(code, detail, message=self.message(code))
            if level == "E":
                raise Rejection(code, detail, message=self.message(code))
        notes = []
        for level, code, _ in found:
            note = "%s - %s" % (code, self.message(code))
            if note not in notes:
                notes.append(note)
        return notes


# --------------------------------------------------------------------------------------------
# State: documents, summaries, tickets, failure injection, request log
# --------------------------------------------------------------------------------------------


DEFAULT_CONTROL = {
    "mode": "none",          # none | delay | http500 | drop
    "delay_seconds": 0.0,    # for mode "delay"
    "fail_next": 0,          # >0: the mode applies to the next K SOAP requests only, then "none"
    "process": False,        # also register the document when the answer is lost (http500 / drop)
    "reject_code": None,     # reject every document with this code
    "observations": [],      # accept with these 4xxx observations
    "polls": 1,              # getStatus answers 98 this many times before the result
    "check_references": True,  # notes (07/08) must modify a factura SUNAT received, accepted and not voided
}


class State:
    def __init__(self, state_file: Path | None, control: dict):
        self.lock = threading.RLock()
        self.state_file = state_file
        self.documents: dict[str, dict] = {}
        self.summaries: dict[str, dict] = {}
        self.tickets: dict[str, dict] = {}
        self.log: list[dict] = []
        self.control = dict(DEFAULT_CONTROL)
        self.control.update(control)
        self._ticket_seq = 0
        if state_file and state_file.is_file():
            data = json.loads(state_file.read_text())
            self.documents = data.get("documents", {})
            self.summaries = data.get("summaries", {})
            self.tickets = data.get("tickets", {})

    def save(self) -> None:
        if not self.state_file:
            return
        tmp = self.state_file.with_suffix(self.state_file.suffix + ".tmp")
        tmp.write_text(json.dumps({"documents": self.documents, "summaries": self.summaries,
                                   "tickets": self.tickets}, ensure_ascii=False, indent=1))
        os.replace(tmp, self.state_file)

    def new_ticket(self) -> str:
        with self.lock:
            self._ticket_seq += 1
            return "%d%03d" % (int(time.time() * 1000), self._ticket_seq % 1000)

    def take_injection(self) -> dict:
        with self.lock:
            c = self.control
            inj = {"mode": c["mode"], "delay": float(c.get("delay_seconds") or 0), "process": bool(c["process"])}
            if c["mode"] != "none" and int(c.get("fail_next") or 0) > 0:
                c["fail_next"] = int(c["fail_next"]) - 1
                if c["fail_next"] == 0:
                    c["mode"] = "none"
            return inj

    def update_control(self, changes: dict) -> dict:
        with self.lock:
            if changes.get("reset"):
                self.documents.clear()
                self.summaries.clear()
                self.tickets.clear()
                self.log.clear()
                self.control = dict(DEFAULT_CONTROL)
                self.save()
            for key, value in changes.items():
                if key == "reset":
                    continue
                if key not in DEFAULT_CONTROL:
                    raise ValueError("clave desconocida: %s" % key)
                self.control[key] = value
            if self.control["mode"] not in {"none", "delay", "http500", "drop"}:
                raise ValueError("modo desconocido: %s" % self.control["mode"])
            return dict(self.control)

    def record(self, entry: dict) -> None:
        with self.lock:
            entry["seq"] = len(self.log) + 1
            entry["time"] = clock_now().isoformat(timespec="milliseconds")
            self.log.append(entry)


# --------------------------------------------------------------------------------------------
# The service
# --------------------------------------------------------------------------------------------

BILL_NAME = re.compile(r"^(\d{11})-(01|03|07|08|09|20|40)-([A-Z0-9]{4})-(\d{1,8})$")
SUMMARY_NAME = re.compile(r"^(\d{11})-(RC|RA|RR)-(\d{8})-(\d{1,5})$")


class Service:
    def __init__(self, args, tools: Tools, state: State, log):
        self.tools = tools
        self.state = state
        self.log = log
        self.users = {("%s%s" % (args.ruc, args.user)).upper(): (args.ruc, args.password)}
        for extra in args.extra_user or []:
            name, _, password = extra.partition(":")
            self.users[name.upper()] = (name[:11], password)
        self.checker = Checker(Decimal(str(args.tolerance)))
        self.rejections_as_faults = args.rejections_as_faults
        self.rules = Rules(args.rules, tools.workdir, log)

    # --- credentials --------------------------------------------------------------------------

    def authenticate(self, envelope) -> str:
        """The RUC of the SOL user in the WS-Security UsernameToken."""
        token = None
        for el in envelope.iter():
            if local(el.tag) == "UsernameToken":
                token = el
                break
        if token is None:
            raise SoapFault("0101")
        username = password = None
        for el in token:
            if local(el.tag) == "Username":
                username = (el.text or "").strip()
            elif local(el.tag) == "Password":
                password = el.text or ""
        if not username or password is None:
            raise SoapFault("0101")
        known = self.users.get(username.upper())
        if known is None or known[1] != password:
            raise SoapFault("0102")
        return known[0]

    # --- ZIP and XML --------------------------------------------------------------------------

    @staticmethod
    def open_zip(content_b64: str | None, base: str) -> bytes:
        if not content_b64 or not content_b64.strip():
            raise SoapFault("0155")
        try:
            data = base64.b64decode(re.sub(r"\s+", "", content_b64), validate=True)
        except (binascii.Error, ValueError):
            raise SoapFault("0156", "el contenido no es base64")
        if not data:
            raise SoapFault("0155")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                entries = [i for i in z.infolist() if not i.is_dir()]
                if not entries:
                    raise SoapFault("0157")
                if len(entries) > 1:
                    raise SoapFault("0158")
                name = entries[0].filename.rsplit("/", 1)[-1]
                if not name.lower().endswith(".xml") or not (BILL_NAME.match(name[:-4]) or SUMMARY_NAME.match(name[:-4])):
                    raise SoapFault("0159", name)
                if name[:-4] != base:
                    raise SoapFault("0161", name)
                xml = z.read(entries[0])
        except zipfile.BadZipFile as e:
            raise SoapFault("0156", str(e))
        except (RuntimeError, NotImplementedError, OSError, EOFError) as e:  # encrypted, bad compression...
            raise SoapFault("0156", str(e))
        if not xml.strip():
            raise SoapFault("0160")
        return xml

    def parse_and_validate(self, xml: bytes, file_type: str):
        try:
            root = ET.fromstring(xml)
        except ET.ParseError as e:
            raise SoapFault("0306", str(e))
        kind = local(root.tag)
        if kind not in ROOTS:
            raise SoapFault("0301", kind)
        types, schema = ROOTS[kind]
        if file_type not in types:
            raise SoapFault("1003", "%s no corresponde al tipo %s" % (kind, file_type))
        errors = self.tools.schema_errors(xml, schema)
        if errors:
            raise SoapFault("0305", errors)
        return root

    def check_signature(self, root, xml: bytes) -> None:
        sig = root.find("ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/ds:Signature", NS)
        if sig is None:
            raise Rejection("2085")
        cert = sig.find("ds:KeyInfo/ds:X509Data/ds:X509Certificate", NS)
        if cert is None or not (cert.text or "").strip():
            raise Rejection("2101")
        if sig.find("ds:SignatureValue", NS) is None or not (txt(sig, "ds:SignatureValue") or ""):
            raise Rejection("2335", "firma vacía")
        ok, detail = self.tools.verify(xml, cert.text)
        if not ok:
            raise Rejection("2335", detail)

    def check_reference(self, ruc: str, doc_type: str, root) -> None:
        """A note that modifies a factura needs that factura registered, not rejected and not voided."""
        missing, voided, rejected = ("2119", "2120", "2121") if doc_type == "07" else ("2209", "2207", "2208")
        for ref in root.findall("cac:BillingReference/cac:InvoiceDocumentReference", NS):
            if txt(ref, "cbc:DocumentTypeCode") != "01":
                continue
            m = re.fullmatch(r"([A-Z0-9]{4})-(\d{1,8})", txt(ref, "cbc:ID") or "")
            if not m:
                continue
            key = "%s-01-%s-%d" % (ruc, m.group(1), int(m.group(2)))
            with self.state.lock:
                doc = self.state.documents.get(key)
            if doc is None:
                raise Rejection(missing, key)
            if doc["status"] == "voided":
                raise Rejection(voided, key)
            if doc["status"] == "rejected":
                raise Rejection(rejected, key)

    # --- sendBill -----------------------------------------------------------------------------

    def send_bill(self, user_ruc: str, file_name: str | None, content: str | None, entry: dict) -> bytes:
        file_name = (file_name or "").strip()
        entry["fileName"] = file_name
        if not file_name.lower().endswith(".zip"):
            raise SoapFault("0151", file_name)
        base = file_name[:-4]
        if SUMMARY_NAME.match(base):
            raise SoapFault("0152")
        m = BILL_NAME.match(base)
        if not m:
            raise SoapFault("0151", file_name)
        ruc, doc_type, series, number = m.groups()
        if ruc != user_ruc:
            raise SoapFault("0154")
        xml = self.open_zip(content, base)
        root = self.parse_and_validate(xml, doc_type)

        issuer = self.checker.issuer_ruc(root)
        if issuer != ruc:
            raise SoapFault("1034", "%s en el XML" % issuer)
        if self.checker.doc_type(root) != doc_type:
            raise SoapFault("1003")
        doc_id = txt(root, "cbc:ID") or ""
        id_match = re.fullmatch(r"([A-Z0-9]{4})-(\d{1,8})", doc_id)
        if not id_match or id_match.group(1) != series:
            raise SoapFault("1035", doc_id)
        if int(id_match.group(2)) != int(number):
            raise SoapFault("1036", doc_id)

        key = "%s-%s-%s-%d" % (ruc, doc_type, series, int(number))
        reference = "%s-%d" % (series, int(number))
        with self.state.lock:
            if key in self.state.documents:
                raise SoapFault("1033", "%s ya fue registrado (%s)" % (reference, self.state.documents[key]["status"]))
            control = dict(self.state.control)

        scheme, customer = self.checker.customer(root)
        recipient = "%s-%s" % (scheme or "-", customer) if customer else None
        notes: list[str] = []
        try:
            self.check_signature(root, xml)
            if not ruc_is_valid(issuer):
                raise Rejection("2104", issuer or "")
            type_code = root.find("cbc:InvoiceTypeCode", NS)
            operation = type_code.get("listID", "") if type_code is not None else ""
            # An export (operation 02xx, 0401) goes to a buyer abroad without RUC, as SUNAT's rule 2800 allows.
            if doc_type == "01" and scheme != "6" and not (operation.startswith("02") or operation == "0401"):
                raise Rejection("2800", "tipo %s" % scheme)
            if scheme == "6" and not ruc_is_valid(customer):
                raise Rejection("2802", customer or "")
            if doc_type in ("07", "08") and control.get("check_references", True):
                self.check_reference(ruc, doc_type, root)
            self.checker.totals(root)
            rule_notes = self.rules.apply(xml, base + ".xml", entry)
            if control.get("reject_code"):
                raise Rejection(str(control["reject_code"]), "rechazo configurado en el emulador")
            code = "0"
            label, verb = DOC_NAMES.get(doc_type, ("El comprobante", "aceptado"))
            description = "%s numero %s, ha sido %s" % (label, reference, verb)
            notes = rule_notes + ["%s - %s" % (c, self.rules.message(str(c))) for c in control.get("observations") or []]
            status = "accepted"
        except Rejection as r:
            if self.rejections_as_faults:
                with self.state.lock:
                    self.state.documents[key] = {"fileName": file_name, "status": "rejected", "code": r.code,
                                                 "description": r.message, "cdr": None}
                    self.state.save()
                raise SoapFault(r.code, r.detail, message=r.message)
            code, status = r.code, "rejected"
            description = r.message + (" - Detalle: %s" % r.detail if r.detail else "")
        issue = clock_now()
        cdr_xml = self.tools.sign(build_cdr(
            response_id=str(int(time.time() * 1000)), issuer_ruc=ruc, reference_id=reference, code=code,
            description=description, notes=notes, recipient=recipient, issue=issue))
        cdr_zip = zip_cdr(base, cdr_xml)
        with self.state.lock:
            self.state.documents[key] = {"fileName": file_name, "status": status, "code": code,
                                         "description": description, "notes": notes,
                                         "cdr": base64.b64encode(cdr_zip).decode()}
            self.state.save()
        entry.update(result=status, code=code)
        return cdr_zip

    # --- sendSummary / getStatus --------------------------------------------------------------

    def send_summary(self, user_ruc: str, file_name: str | None, content: str | None, entry: dict) -> str:
        file_name = (file_name or "").strip()
        entry["fileName"] = file_name
        if not file_name.lower().endswith(".zip"):
            raise SoapFault("0151", file_name)
        base = file_name[:-4]
        m = SUMMARY_NAME.match(base)
        if not m or m.group(2) == "RR":
            raise SoapFault("0151", file_name)
        ruc, kind, date, seq = m.groups()
        if ruc != user_ruc:
            raise SoapFault("0154")
        xml = self.open_zip(content, base)
        root = self.parse_and_validate(xml, kind)
        with self.state.lock:
            control = dict(self.state.control)
        summary_id = "%s-%s-%s" % (kind, date, seq)
        try:
            content_ruc = self.checker.issuer_ruc(root)
            if content_ruc != ruc:
                raise Rejection("2221" if kind == "RC" else "2286", str(content_ruc))
            if txt(root, "cbc:ID") != summary_id:
                raise Rejection("2220" if kind == "RC" else "2285", str(txt(root, "cbc:ID")))
            with self.state.lock:
                previous = self.state.summaries.get(base)
            if previous and previous.get("status") == "accepted":
                raise Rejection("2223" if kind == "RC" else "2324")
            self.check_signature(root, xml)
            rule_notes = self.rules.apply(xml, base + ".xml", entry)
            voided: list[str] = []
            if kind == "RA":
                for line in root.findall("sac:VoidedDocumentsLine", NS):
                    key = "%s-%s-%s-%d" % (ruc, txt(line, "cbc:DocumentTypeCode"), txt(line, "sac:DocumentSerialID"),
                                           int(txt(line, "sac:DocumentNumberID") or "0"))
                    with self.state.lock:
                        if key not in self.state.documents:
                            raise Rejection("2105", key)
                    voided.append(key)
            if control.get("reject_code"):
                raise Rejection(str(control["reject_code"]), "rechazo configurado en el emulador")
            label, verb = DOC_NAMES[kind]
            code, status = "0", "accepted"
            description = "%s %s, ha sido %s" % (label, summary_id, verb)
            notes = rule_notes + ["%s - %s" % (c, self.rules.message(str(c))) for c in control.get("observations") or []]
        except Rejection as r:
            code, status, notes, voided = r.code, "rejected", [], []
            description = r.message + (" - Detalle: %s" % r.detail if r.detail else "")
        cdr_xml = self.tools.sign(build_cdr(
            response_id=str(int(time.time() * 1000)), issuer_ruc=ruc, reference_id=summary_id, code=code,
            description=description, notes=notes, recipient=None))
        ticket = self.state.new_ticket()
        with self.state.lock:
            self.state.tickets[ticket] = {"fileName": file_name, "ruc": ruc, "polls_left": int(control.get("polls") or 0),
                                          "statusCode": "0" if status == "accepted" else "99", "code": code,
                                          "cdr": base64.b64encode(zip_cdr(base, cdr_xml)).decode(),
                                          "voids": voided, "status": status}
            self.state.save()
        entry.update(result="ticket", ticket=ticket, code=code)
        return ticket

    def get_status(self, user_ruc: str, ticket: str | None, entry: dict) -> tuple[str, str | None]:
        ticket = (ticket or "").strip()
        entry["ticket"] = ticket
        with self.state.lock:
            t = self.state.tickets.get(ticket)
            if t is None:
                raise SoapFault("0127")
            if t["ruc"] != user_ruc:
                raise SoapFault("0126")
            entry["fileName"] = t["fileName"]
            if t["polls_left"] > 0:
                t["polls_left"] -= 1
                self.state.save()
                entry.update(result="en proceso", code="98")
                return "98", None
            if t["status"] in {"accepted", "rejected"} and not t.get("applied"):
                t["applied"] = True
                base = t["fileName"][:-4]
                self.state.summaries[base] = {"status": t["status"], "code": t["code"], "ticket": ticket, "cdr": t["cdr"]}
                for key in t.get("voids") or []:
                    if key in self.state.documents:
                        self.state.documents[key]["status"] = "voided"
                self.state.save()
            entry.update(result=t["status"], code=t["code"])
            return t["statusCode"], t["cdr"]

    # --- getStatusCdr -------------------------------------------------------------------------

    def get_status_cdr(self, user_ruc: str, params: dict, entry: dict) -> tuple[str, str, str | None]:
        ruc = (params.get("rucComprobante") or "").strip()
        kind = (params.get("tipoComprobante") or "").strip()
        series = (params.get("serieComprobante") or "").strip()
        number = (params.get("numeroComprobante") or "").strip()
        entry["fileName"] = "%s-%s-%s-%s" % (ruc, kind, series, number)
        if not re.fullmatch(r"\d{11}", ruc):
            return "0004", CONSULT_MESSAGES["0004F"], None
        try:
            key = "%s-%s-%s-%d" % (ruc, kind, series, int(number))
        except ValueError:
            return "0011", CONSULT_MESSAGES["0011"], None
        with self.state.lock:
            doc = self.state.documents.get(key)
        if not doc or not doc.get("cdr"):
            entry.update(result="no existe", code="0011")
            return "0011", CONSULT_MESSAGES["0011"], None
        entry.update(result=doc["status"], code=doc["code"])
        return "0004", CONSULT_MESSAGES["0004"], doc["cdr"]


# --------------------------------------------------------------------------------------------
# SOAP envelopes
# --------------------------------------------------------------------------------------------

ENV_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/"><soap-env:Header/><soap-env:Body>'
ENV_CLOSE = '</soap-env:Body></soap-env:Envelope>'


def envelope(body: str) -> bytes:
    return (ENV_OPEN + body + ENV_CLOSE).encode("utf-8")


def fault_envelope(fault: SoapFault) -> bytes:
    kind = "Server" if fault.server else "Client"
    detail = '<detail><message>%s</message></detail>' % escape(fault.detail) if fault.detail else ""
    return envelope('<soap-env:Fault><faultcode>soap-env:%s.%s</faultcode><faultstring>%s</faultstring>%s</soap-env:Fault>'
                    % (kind, fault.code, escape(fault.faultstring), detail))


def wsdl(service: str, location: str) -> bytes:
    if service == "billConsultService":
        ops = {"getStatus": ("rucComprobante tipoComprobante serieComprobante numeroComprobante", "status"),
               "getStatusCdr": ("rucComprobante tipoComprobante serieComprobante numeroComprobante", "statusCdr")}
    else:
        ops = {"sendBill": ("fileName contentFile partyType", "applicationResponse"),
               "sendSummary": ("fileName contentFile partyType", "ticket"),
               "sendPack": ("fileName contentFile partyType", "ticket"),
               "getStatus": ("ticket", "status")}
    types = []
    for op, (inputs, output) in ops.items():
        fields = "".join('<xs:element name="%s" type="%s" minOccurs="0"/>'
                         % (f, "xs:base64Binary" if f == "contentFile" else "xs:string") for f in inputs.split())
        out_type = "tns:statusResponse" if output in {"status", "statusCdr"} else (
            "xs:base64Binary" if output == "applicationResponse" else "xs:string")
        types.append('<xs:element name="%s"><xs:complexType><xs:sequence>%s</xs:sequence></xs:complexType></xs:element>'
                     '<xs:element name="%sResponse"><xs:complexType><xs:sequence><xs:element name="%s" type="%s" minOccurs="0"/>'
                     '</xs:sequence></xs:complexType></xs:element>' % (op, fields, op, output, out_type))
    types.append('<xs:complexType name="statusResponse"><xs:sequence><xs:element name="content" type="xs:base64Binary" minOccurs="0"/>'
                 '<xs:element name="statusCode" type="xs:string" minOccurs="0"/><xs:element name="statusMessage" type="xs:string" minOccurs="0"/>'
                 '</xs:sequence></xs:complexType>')
    messages = "".join('<wsdl:message name="%sRequest"><wsdl:part name="parameters" element="tns:%s"/></wsdl:message>'
                       '<wsdl:message name="%sResponse"><wsdl:part name="parameters" element="tns:%sResponse"/></wsdl:message>'
                       % (op, op, op, op) for op in ops)
    port_ops = "".join('<wsdl:operation name="%s"><wsdl:input message="tns:%sRequest"/><wsdl:output message="tns:%sResponse"/></wsdl:operation>'
                       % (op, op, op) for op in ops)
    bind_ops = "".join('<wsdl:operation name="%s"><soap:operation soapAction="urn:%s" style="document"/>'
                       '<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>'
                       % (op, op) for op in ops)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"'
            ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://service.sunat.gob.pe" targetNamespace="http://service.sunat.gob.pe">'
            '<wsdl:types><xs:schema targetNamespace="http://service.sunat.gob.pe">%s</xs:schema></wsdl:types>%s'
            '<wsdl:portType name="%s">%s</wsdl:portType>'
            '<wsdl:binding name="%sPortBinding" type="tns:%s"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>%s</wsdl:binding>'
            '<wsdl:service name="%s"><wsdl:port name="%sPort" binding="tns:%sPortBinding"><soap:address location="%s"/></wsdl:port></wsdl:service>'
            '</wsdl:definitions>\n'
            % ("".join(types), messages, service, port_ops, service, service, bind_ops, service, service, service,
               escape(location))).encode("utf-8")


# --------------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    server_version = "SunatEmulator/1.0"
    protocol_version = "HTTP/1.1"
    service: Service  # set on the class by main()

    def log_message(self, fmt, *args):  # quiet: the request log is /__log
        if self.server.verbose:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    # --- helpers ------------------------------------------------------------------------------

    def read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0] or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def send(self, status: int, body: bytes, ctype: str = "text/xml; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_json(self, status: int, obj) -> None:
        self.send(status, json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8"), "application/json; charset=utf-8")

    def drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    @staticmethod
    def service_name(path: str) -> str | None:
        p = path.rstrip("/")
        for name in ("billConsultService", "billService"):
            if p.endswith(name):
                return name
        return None

    # --- GET ----------------------------------------------------------------------------------

    def do_GET(self):
        parts = urlsplit(self.path)
        st = self.service.state
        if parts.path == "/__log":
            with st.lock:
                self.send_json(200, list(st.log))
        elif parts.path == "/__control":
            with st.lock:
                self.send_json(200, dict(st.control))
        elif parts.path == "/__documents":
            with st.lock:
                self.send_json(200, {k: {kk: vv for kk, vv in v.items() if kk != "cdr"} for k, v in st.documents.items()})
        elif parts.path == "/__cdr-cert":
            cert = self.service.tools.cdr_cert
            if cert:
                self.send(200, cert.read_bytes(), "application/x-pem-file")
            else:
                self.send(404, b"sin certificado\n", "text/plain; charset=utf-8")
        elif parts.path == "/__health":
            self.send(200, b"ok\n", "text/plain; charset=utf-8")
        elif self.service_name(parts.path) and parts.query.lower().startswith("wsdl"):
            host = self.headers.get("Host") or "%s:%d" % self.server.server_address[:2]
            self.send(200, wsdl(self.service_name(parts.path), "http://%s%s" % (host, parts.path)))
        else:
            self.send(404, b"no encontrado\n", "text/plain; charset=utf-8")

    # --- POST ---------------------------------------------------------------------------------

    def do_POST(self):
        parts = urlsplit(self.path)
        body = self.read_body()
        st = self.service.state
        if parts.path in ("/__control", "/__reset"):
            try:
                changes = json.loads(body or b"{}") if parts.path == "/__control" else {"reset": True}
                if not isinstance(changes, dict):
                    raise ValueError("se esperaba un objeto JSON")
                self.send_json(200, st.update_control(changes))
            except (ValueError, TypeError) as e:
                self.send_json(400, {"error": str(e)})
            return
        name = self.service_name(parts.path)
        if not name:
            self.send(404, b"no encontrado\n", "text/plain; charset=utf-8")
            return
        inj = st.take_injection()
        entry = {"path": parts.path, "operation": None, "fileName": None, "ticket": None,
                 "result": None, "code": None, "http_status": None, "injected": inj["mode"] if inj["mode"] != "none" else None}
        if inj["mode"] == "delay" and inj["delay"] > 0:
            time.sleep(inj["delay"])
        if inj["mode"] in ("http500", "drop") and not inj["process"]:
            entry["operation"] = self.peek_operation(body)
            self.fail(inj["mode"], entry)
            return
        status, payload = self.handle_soap(name, body, entry)
        if inj["mode"] in ("http500", "drop"):
            self.fail(inj["mode"], entry)
            return
        entry["http_status"] = status
        st.record(entry)
        try:
            self.send(status, payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): SUNAT still registered the document

    @staticmethod
    def peek_operation(body: bytes) -> str | None:
        m = re.search(rb"<(?:[\w.-]+:)?(sendBill|sendSummary|sendPack|getStatusCdr|getStatus)\b", body)
        return m.group(1).decode() if m else None

    def fail(self, mode: str, entry: dict) -> None:
        if mode == "drop":
            entry.update(result="conexión cortada", http_status=None)
            self.service.state.record(entry)
            self.drop()
        else:
            fault = SoapFault("0100", server=True)
            entry.update(result="fault", code="0100", http_status=500)
            self.service.state.record(entry)
            try:
                self.send(500, fault_envelope(fault))
            except (BrokenPipeError, ConnectionResetError):
                pass

    def handle_soap(self, service_name: str, body: bytes, entry: dict) -> tuple[int, bytes]:
        svc = self.service
        try:
            try:
                env = ET.fromstring(body)
            except ET.ParseError as e:
                raise SoapFault("0200", "SOAP mal formado: %s" % e)
            body_el = next((c for c in env if local(c.tag) == "Body"), None)
            op_el = next(iter(body_el), None) if body_el is not None else None
            if op_el is None:
                raise SoapFault("0200", "SOAP sin operación")
            op = local(op_el.tag)
            entry["operation"] = op
            params = {local(c.tag): (c.text or "") for c in op_el}
            user_ruc = svc.authenticate(env)
            if service_name == "billService" and op == "sendBill":
                with svc.state.lock:
                    cdr = svc.send_bill(user_ruc, params.get("fileName"), params.get("contentFile"), entry)
                return 200, envelope('<br:sendBillResponse xmlns:br="http://service.sunat.gob.pe">'
                                     '<applicationResponse>%s</applicationResponse></br:sendBillResponse>'
                                     % base64.b64encode(cdr).decode())
            if service_name == "billService" and op in ("sendSummary", "sendPack"):
                if op == "sendPack":
                    raise SoapFault("0153")
                with svc.state.lock:
                    ticket = svc.send_summary(user_ruc, params.get("fileName"), params.get("contentFile"), entry)
                return 200, envelope('<br:sendSummaryResponse xmlns:br="http://service.sunat.gob.pe">'
                                     '<ticket>%s</ticket></br:sendSummaryResponse>' % ticket)
            if service_name == "billService" and op == "getStatus":
                code, content = svc.get_status(user_ruc, params.get("ticket"), entry)
                inner = ("<content>%s</content>" % content if content else "") + "<statusCode>%s</statusCode>" % code
                return 200, envelope('<br:getStatusResponse xmlns:br="http://service.sunat.gob.pe">'
                                     '<status>%s</status></br:getStatusResponse>' % inner)
            if service_name == "billConsultService" and op == "getStatusCdr":
                code, message, content = svc.get_status_cdr(user_ruc, params, entry)
                inner = ("<content>%s</content>" % content if content else "") + \
                    "<statusCode>%s</statusCode><statusMessage>%s</statusMessage>" % (code, escape(message))
                return 200, envelope('<ns2:getStatusCdrResponse xmlns:ns2="http://service.sunat.gob.pe">'
                                     '<statusCdr>%s</statusCdr></ns2:getStatusCdrResponse>' % inner)
            if service_name == "billConsultService" and op == "getStatus":
                code, message, content = svc.get_status_cdr(user_ruc, params, entry)
                doc_status = None
                if content:
                    key = "%s-%s-%s-%d" % (params.get("rucComprobante"), params.get("tipoComprobante"),
                                           params.get("serieComprobante"), int(params.get("numeroComprobante") or 0))
                    with svc.state.lock:
                        doc_status = svc.state.documents.get(key, {}).get("status")
                code, message = {"accepted": ("0001", "El comprobante existe y está aceptado."),
                                 "rejected": ("0002", "El comprobante existe pero está rechazado."),
                                 "voided": ("0003", "El comprobante existe pero está de baja.")}.get(doc_status, (code, message))
                return 200, envelope('<ns2:getStatusResponse xmlns:ns2="http://service.sunat.gob.pe"><status>'
                                     '<statusCode>%s</statusCode><statusMessage>%s</statusMessage></status>'
                                     '</ns2:getStatusResponse>' % (code, escape(message)))
            raise SoapFault("0200", "operación desconocida: %s" % op)
        except SoapFault as f:
            entry.update(result="fault", code=f.code, detail=f.detail or None)
            return 500, fault_envelope(f)
        except Exception as e:  # an emulator bug must still answer like SUNAT does on internal errors
            svc.log("ERROR interno: %r" % e)
            entry.update(result="fault", code="0100", detail=repr(e))
            return 500, fault_envelope(SoapFault("0100", repr(e), server=True))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64
    verbose = False


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------


def default_schemas() -> Path:
    env = os.environ.get("BYTEK_SUNAT_SCHEMAS")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    return (repo / ".." / "shared" / "sunat" / "xsd").resolve()


def default_rules() -> Path | None:
    """SUNAT's rules: $BYTEK_SUNAT_RULES, else ../shared/sunat/xsl beside the repository, else none."""
    env = os.environ.get("BYTEK_SUNAT_RULES")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    folder = (repo / ".." / "shared" / "sunat" / "xsl").resolve()
    return folder if (folder / "run-rules").is_file() else None


def parse_args(argv):
    p = argparse.ArgumentParser(description="Emulador local de los servicios web de SUNAT (billService).")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 = un puerto libre (se imprime «LISTENING <puerto>»)")
    p.add_argument("--schemas", type=Path, default=None, help="carpeta con 2.0/ y 2.1/ de los XSD de SUNAT")
    p.add_argument("--rules", type=Path, default=None,
                   help="carpeta xsl/ con run-rules y las reglas de validación de SUNAT (contenido/)")
    p.add_argument("--no-rules", action="store_true", help="no aplicar las reglas de validación de SUNAT")
    p.add_argument("--ruc", default="20123456786", help="RUC del usuario SOL configurado")
    p.add_argument("--user", default="MODDATOS", help="usuario SOL (sin el RUC)")
    p.add_argument("--password", default="moddatos")
    p.add_argument("--extra-user", action="append", default=None,
                   help="otro usuario aceptado: RUCUSUARIO:CLAVE (repetible)")
    p.add_argument("--state", type=Path, default=None, help="archivo JSON donde guardar el estado")
    p.add_argument("--tolerance", default="0.01", help="tolerancia de los totales (SUNAT usa 1.00)")
    p.add_argument("--polls", type=int, default=1, help="veces que getStatus responde 98 antes del resultado")
    p.add_argument("--mode", choices=["none", "delay", "http500", "drop"], default="none")
    p.add_argument("--delay", type=float, default=0.0, help="segundos de espera del modo delay")
    p.add_argument("--fail-next", type=int, default=0, help="aplicar el modo solo a las próximas K solicitudes")
    p.add_argument("--process-on-fail", action="store_true", help="registrar el documento aunque la respuesta se pierda")
    p.add_argument("--reject-code", default=None, help="rechazar todo documento con este código")
    p.add_argument("--observe", action="append", default=[], help="aceptar con esta observación 4xxx (repetible)")
    p.add_argument("--no-reference-check", action="store_true",
                   help="no exigir que las notas modifiquen una factura registrada")
    p.add_argument("--rejections-as-faults", action="store_true",
                   help="responder los rechazos 2000-3999 como SOAP fault en vez de CDR")
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--clock-file", default=None,
                   help="archivo con un instante ISO-8601 que hace de «ahora» (el mismo que BYTEK_CLOCK_FILE)")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    global CLOCK_FILE
    if args.clock_file:
        CLOCK_FILE = args.clock_file

    def log(msg: str) -> None:
        sys.stderr.write("sunat-emulator: %s\n" % msg)
        sys.stderr.flush()

    extra = list(args.extra_user or [])
    extra.append("20000000001MODDATOS:moddatos")
    args.extra_user = extra
    schemas = args.schemas or default_schemas()
    if not (schemas / "2.1" / "maindoc" / "UBL-Invoice-2.1.xsd").is_file():
        log("AVISO: no se encontraron los esquemas XSD en %s; no se validará el esquema" % schemas)
        schemas = None
    if args.no_rules:
        args.rules = None
    else:
        args.rules = args.rules or default_rules()
        if args.rules is None or not (args.rules / "run-rules").is_file():
            log("AVISO: no se encontraron las reglas de SUNAT (run-rules) en %s; no se aplicarán"
                % (args.rules or "../shared/sunat/xsl"))
            args.rules = None
        elif not os.access(os.environ.get("BYTEK_RULES_PYTHON", "/usr/bin/python3"), os.X_OK):
            log("AVISO: falta /usr/bin/python3 (con python3-lxml) para las reglas de SUNAT; no se aplicarán")
            args.rules = None
        else:
            log("reglas de SUNAT: %s" % args.rules)
    workdir = Path(tempfile.mkdtemp(prefix="sunat-emulator-"))
    server = None
    try:
        tools = Tools(workdir, schemas, log)
        if not tools.xmllint and schemas:
            log("AVISO: xmllint no está instalado; no se validará el esquema")
        if not tools.xmlsec1:
            log("AVISO: xmlsec1 no está instalado; no se verificarán firmas ni se firmarán los CDR")
        tools.make_cdr_key()
        control = {"mode": args.mode, "delay_seconds": args.delay, "fail_next": args.fail_next,
                   "process": args.process_on_fail, "reject_code": args.reject_code,
                   "observations": args.observe, "polls": args.polls,
                   "check_references": not args.no_reference_check}
        state = State(args.state, control)
        service = Service(args, tools, state, log)
        Handler.service = service
        server = Server((args.host, args.port), Handler)
        server.verbose = args.verbose
        print("LISTENING %d" % server.server_address[1], flush=True)
        log("escuchando en http://%s:%d/ol-ti-itcpfegem-beta/billService (usuario %s%s)"
            % (args.host, server.server_address[1], args.ruc, args.user))
        server.serve_forever()
    except KeyboardInterrupt:
        pass  # Ctrl-C or SIGTERM, possibly while still starting
    finally:
        if server is not None:
            server.server_close()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    import signal

    def _stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    sys.exit(main())
