"""Words that label a receipt's lines, in the languages we read (upper case, OCR-tolerant).

Each table is a list of regular expressions over the upper-cased line text.
"""

from __future__ import annotations

import re


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


#: Labels of the amount to pay, strongest first (an exact "grand total" beats a plain "total").
TOTAL_STRONG = _any(
    r"GRAND\s?TOTAL",
    r"TOTAL\s?(?:AMOUNT\s?)?(?:DUE|PAYABLE|TO\s?PAY)",
    r"(?:AMOUNT|AMT|BALANCE)\s?(?:DUE|PAYABLE)",
    r"TOTAL\s?(?:ROUNDED|AFTER\s?ROUNDING)|ROUNDED\s?TOTAL|NET\s?TOTAL|TOTAL\s?NETT?\b",
    r"\bNETT?\s?(?:AMOUNT|TOTAL)",
    r"JUMLAH\s?(?:BESAR|BAYARAN|KESELURUHAN)?",
    r"GESAMT(?:BETRAG|SUMME)?|ZU\s?ZAHLEN|\bSUMME\b|\bBETRAG\b",
    r"TOTAL\s?TTC|NET\s?A\s?PAYER|MONTANT\s?(?:TTC|DU)",
    r"IMPORTE\s?TOTAL|TOTAL\s?A\s?PAGAR|TOTALE\s?(?:EURO|EUR)?|TE\s?BETALEN|TOTAAL",
)
TOTAL_WEAK = _any(r"\bTOTAL\b", r"\bTOTAL\s?SALES?\b", r"\bT[O0U][TLI][A4]?[L1][A-Z]{0,2}\b")
#: "AMOUNT" alone: the weakest label of a total.
AMOUNT = _any(r"\bA[MN]OUNT\b|\bAMT\b")
#: Lines that say "total" but are not the amount to pay.
TOTAL_NOT = _any(
    r"SUB\s?-?\s?TOTAL",
    r"TOTAL\s?(?:[QO0]TY|QUANTITY|ITEMS?|NO\.?\s?OF|PCS|UNITS?|DISC|DISCOUNT|SAVINGS?|SAVED|POINTS?)",
    r"TOTAL\s?(?:GST|TAX|VAT|SST)\b",
    r"TOTAL\s?\d{1,2}(?:[.,]\d+)?\s?%",
    r"TAXABLE|\bNET\s?(?:OF|EXCL)",  # the part at one tax rate: "Total 6% supplies"
    r"TOTAL\s?(?:\(?\s?EXCL|BEFORE|W/?O)",
    r"ZWISCHENSUMME|SOUS.?TOTAL|SUBTOTALE|SUBTOTAAL",
    r"GST\s?SUMMARY|TAX\s?SUMMARY|\bSUMMARY\b",
    r"(?:NO\.?\s?OF|QTY)\s?ITEMS?",
)
SUBTOTAL = _any(
    r"SUB\s?-?\s?TOTAL",
    r"ZWISCHENSUMME|SOUS.?TOTAL|SUBTOTALE|SUBTOTAAL",
    r"TOTAL\s?(?:[A-Z]+\s?){0,2}\(?\s?(?:EXCL|EXCLUDING|EXCLUDED|BEFORE)\b.{0,8}(?:GST|TAX|VAT|SST)",
    r"(?:AMOUNT|AMT)\s?(?:EXCL|BEFORE).{0,8}(?:GST|TAX|VAT|SST)",
)
TAX = _any(
    r"^\W*(?:TOTAL\s?)?(?:GST|VAT|SST|TAX|MWST|MW\s?ST|UST|TVA|IVA|BTW|PPN)\b",
    r"\b(?:SALES|SERVICE)\s?TAX\b",
    r"(?:GST|TAX|VAT|SST)\s?(?:AMOUNT|AMT|PAYABLE|\(?\s?\d{1,2}(?:[.,]\d+)?\s?%)",
    r"(?:INCL\.?|INCLUDING|INCLUDES|INKL\.?|ENTHALTENE)\s?\d{1,2}(?:[.,]\d+)?\s?%\s?"
    r"(?:GST|TAX|VAT|MWST|UST)",
    r"^\W*(?:INCL\.?|INCLUDING|INKL\.?)\s?(?:GST|TAX|VAT|MWST|UST)",
    r"(?:GST|TAX|VAT|MWST|UST)\b.{0,12}INCLUDED",
)
#: A line that starts with "TOTAL" (not "TOTAL GST"): the amount to pay, even when it names the
#: tax it includes ("Total RM Including GST 6% 99.80") ...
TOTAL_FIRST = _any(r"^\W*T[O0U]T[A4]?L(?!\s?(?:GST|TAX|VAT|SST)\b)")
#: ... unless it states the tax ("TOTAL INCLUDES 6% GST 3.98").
TAX_STATEMENT = _any(r"INCLUDE[SD]")
#: Headings of a tax breakdown table; its "TOTAL" row is the tax base, not the amount to pay.
SUMMARY = _any(r"(?:GST|TAX|VAT|MWST|SST)\s?SUMMARY|\bSUMMARY\b|TAX\s?CODE|MWST\s?NETTO")
#: Identifiers and headings that mention a tax without being an amount of tax.
TAX_NOT = _any(
    r"(?:GST|VAT|SST|TAX|UST|MWST)\s?(?:ID|REG|NO\b|NUMBER|#|REGISTRATION|INVOICE|SUMMARY|CODE)",
    r"TAX\s?INVOICE|STEUER\s?NR|STEUERNUMMER|\bUID\b",
)
ROUNDING = _any(r"ROUND(?:ING|ED)?\s?(?:ADJ|ADJUSTMENT)?", r"RUNDUNG|PEMBUNDARAN|ARRONDI")
CHANGE = _any(r"\bCHANGE\b|\bCHG\b|\bKEMBALI|RUCKGELD|RÜCKGELD|\bRENDU|\bCAMBIO")
TENDERED = _any(r"TENDER(?:ED)?|\bPAID\b|\bPAYMENT\b|GEGEBEN|\bBAYARAN\b|\bRECEIVED\b|\bACCEPTED\b")
#: Payment methods (normalised name ← printed words), most specific first.
PAYMENT_METHODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("visa", _any(r"\bVISA\b")),
    ("mastercard", _any(r"MASTER\s?CARD|\bMASTER\b|\bMC\b|MAESTRO")),
    ("amex", _any(r"\bAMEX\b|AMERICAN\s?EXPRESS")),
    (
        "e-wallet",
        _any(
            r"\bTNG\b|TOUCH\s?N\s?GO|GRAB\s?PAY|\bBOOST\b|APPLE\s?PAY|GOOGLE\s?PAY|E-?WALLET|PAYPAL"
        ),
    ),
    (
        "card",
        _any(
            r"CREDIT\s?CARD|DEBIT|\bCARD\b|KARTE|GIROCARD|\bEC\b|CARTE\s?(?:BANCAIRE|BLEUE)|TARJETA"
            r"|CONTACTLESS|\bCC\b"
        ),
    ),
    ("voucher", _any(r"VOUCHER|GIFT\s?CARD|GUTSCHEIN")),
    (
        "cash",
        _any(
            r"\bCASH(?:\b|(?=RM))|\bTUNAI\b|\bBAR(?:GELD)?\b|ESP[EÈ]CES|EFECTIVO|CONTANTI|CONTANT"
        ),
    ),
)
PHONE = _any(
    r"\b(?:TEL|TELEPHONE|PHONE|PH|FAX|HP|H/P|MOBILE|HOTLINE|WHATSAPP)\b\.?\s?(?:NO)?\s?[:.]?",
    r"\+?\d[\d ()-]{8,}\d",
)
WEB = _any(r"@", r"WWW\.|HTTPS?:|\.COM\b|\.MY\b|\.DE\b|\.NET\b|\.ORG\b")
IDENTIFIER = _any(
    r"\b(?:GST|VAT|SST|TAX|TIN|ABN|ACN|ROC|UID|UST)\b",
    r"\b(?:CO|COMPANY|BUSINESS|REG(?:ISTRATION)?)\.?\s?(?:NO|REG|ID)\b",
    r"^\W*\(?\s?[A-Z]{0,3}\d{3,}[\d-]*-?\s?[A-Z]?\s?\)?\W*$",
)
HEADING = _any(
    r"INVOICE|RECEIPT|\bBILL\b|CASH\s?SALES?|\bORDER\b|CASHIER|\bTABLE\b|\bDATE\b|\bTIME\b",
    r"QUITTUNG|KASSENBON|RECHNUNG|\bRE[CÇ]U\b|\bTICKET\b|FACTURA|RICEVUTA|BON\b|RESIT",
    r"THANK\s?YOU|WELCOME|\bMEMBER",
)
#: Legal forms that end a company's name.
LEGAL = _any(
    r"\b[S5][DUO0]N\.?\s?,?\s?BH[DN]\b\.?|\b[S5]/B\b|\bBHD\b\.?|\bBERHAD\b|\bPLT\b",
    r"\b(?:LTD|LIMITED|LLC|L\.L\.C|INC|CORP|CORPORATION|CO\.|COMPANY|PTE|PTY|PLC)\b\.?",
    r"\b(?:GMBH|AG|KG|OHG|E\.K|SARL|SAS|S\.A|SRL|S\.R\.L|SPA|S\.P\.A|BV|B\.V|NV)\b\.?",
)
#: Words of shop and trade names.
COMPANY = _any(
    LEGAL.pattern,
    r"ENTERPRISE|PERNIAGAAN|SYARIKAT|TRADING|HARDWARE|RESTAURANT|RESTORAN|\bCAFE\b|KEDAI|MART\b|MARKET|STORE|SHOP"
    r"|BOOKS?\b|STATIONERY|BAKER(?:Y|IES)|FOOD|PHARMACY|FARMASI|SUPERMARKET|TRADERS?\b|MACHINERY"
    r"|HOLDINGS?|INDUSTR|MARKETING|SERVICES?\b|CENTRE|CENTER|ELECTRICAL|AUTO\b|MOTOR",
)
ADDRESS = _any(
    r"(?<![\d(])\d{5}(?![\d)}]|-[A-Z])",
    r"\b(?:JALAN|JLN|TAMAN|TMN|LORONG|LRG|PERSIARAN|LEBUH|LEBUHRAYA|BANDAR|KAMPUNG|KG|KAWASAN"
    r"|SEKSYEN|SEK|BATU|BLOK|BLOCK|LOT|UNIT|LEVEL|FLOOR|WISMA|BANGUNAN|MENARA|PLAZA|MALL|PUSAT"
    r"|PARK|SQUARE|JAYA|SUITE|STE)\b",
    r"\b(?:STREET|ST|ROAD|RD|AVENUE|AVE|BOULEVARD|BLVD|LANE|LN|DRIVE|DR|WAY|HIGHWAY|HWY|PLACE)\b\.?",
    r"STRASSE|STRAßE|\bSTR\.|PLATZ\b|\bWEG\b|\bRUE\b|\bAVENIDA\b|\bCALLE\b|\bVIA\b|\bPIAZZA\b"
    r"|STRAAT|\bPLEIN\b",
    r"\b(?:SELANGOR|JOHOR|KUALA\s?LUMPUR|PENANG|PULAU\s?PINANG|PERAK|KEDAH|MELAKA|MALACCA|NEGERI"
    r"\s?SEMBILAN|PAHANG|SABAH|SARAWAK|KELANTAN|TERENGGANU|PERLIS|PUTRAJAYA|LABUAN|MALAYSIA"
    r"|SINGAPORE|W\.?P\.?)\b",
    r"^\W*NO\.?\s?\d",
    r",\s?[A-Z]{2}\s\d{5}\b",
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b",  # UK postcode: NW1 6XE
    r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b",  # Canada: K1A 0B1
    r"^\W*\d{4}\s?[A-Z]{2}\s+[A-Z]",  # Netherlands: 1012 AB Amsterdam
    r"^\W*(?:[A-Z]-?)?\d{4,5}\s+[A-Z][A-Za-z]+",  # 80331 München, 1010 Wien
)
#: Column headings of an item table ("Qty  Price  Amount(RM)  Tax(RM)"): no labels.
ITEMS_HEADER = _any(
    r"\b(?:ITEM|DESCRIPTION|DESC|PRODUCT|ARTIKEL|ARTICLE|QTY|QUANTITY|MENGE|PRICE|PREIS|AMOUNT"
    r"|AMT|TOTAL|U/?PRICE|S/PRICE|U/?P|TAX|CODE|\(RM\)|DISC%?)(?:\b|(?=\())"
)
