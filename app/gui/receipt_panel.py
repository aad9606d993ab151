"""The Receipt tab: a receipt's fields and items, editable, each row showing its boxes on the image.

The parsing is ``app.core.receipt``; this widget only shows a :class:`Receipt`, keeps the user's
edits in it, and copies it as JSON or CSV.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.export.receipt import receipt_csv
from app.core.model import BBox
from app.core.receipt import FIELD_NAMES, ITEM_COLUMNS, Field, Item, Receipt
from app.gui.icons import icon

#: Each table can shrink to this height (the window's minimum size must not grow).
MIN_TABLE_HEIGHT = 56
#: Below this the panel scrolls.
MIN_PANEL_HEIGHT = 220


def field_labels() -> dict[str, str]:
    """Readable names of the receipt fields."""
    from PySide6.QtCore import QCoreApplication

    return {
        "merchant": QCoreApplication.translate("Receipt", "Merchant"),
        "address": QCoreApplication.translate("Receipt", "Address"),
        "date": QCoreApplication.translate("Receipt", "Date"),
        "date_text": QCoreApplication.translate("Receipt", "Date as printed"),
        "time": QCoreApplication.translate("Receipt", "Time"),
        "currency": QCoreApplication.translate("Receipt", "Currency"),
        "subtotal": QCoreApplication.translate("Receipt", "Subtotal"),
        "tax": QCoreApplication.translate("Receipt", "Tax"),
        "total": QCoreApplication.translate("Receipt", "Total"),
        "payment_method": QCoreApplication.translate("Receipt", "Payment"),
    }


class ReceiptPanel(QWidget):
    """``boxes_requested(list of BBox)`` asks the overlay to show where a row was read;
    ``parse_requested()`` asks for the shown job to be parsed as a receipt; ``message(str)``
    reports a copy."""

    boxes_requested = Signal(list)
    parse_requested = Signal()
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt: Receipt | None = None
        self._filling = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # scrolls rather than grow the window's minimum size (small screens)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setMinimumHeight(MIN_PANEL_HEIGHT)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        self.notice = QLabel()
        # one line, clipped when narrow (the tooltip has it all): a wrapping label would make
        # the scroll area size the panel by its preferred height
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice.setObjectName("receiptNotice")
        # fields above items, in a splitter: the tab may be no taller than the text beside it
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.setChildrenCollapsible(False)

        self.fields = QTableWidget(len(FIELD_NAMES), 2)
        self.fields.setAccessibleName(self.tr("Receipt fields"))
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        labels = field_labels()
        for row, name in enumerate(FIELD_NAMES):
            key = QTableWidgetItem(labels[name])
            key.setFlags(key.flags() & ~Qt.ItemFlag.ItemIsEditable)
            key.setData(Qt.ItemDataRole.UserRole, name)
            self.fields.setItem(row, 0, key)
            self.fields.setItem(row, 1, QTableWidgetItem(""))
        self.fields.setMinimumHeight(MIN_TABLE_HEIGHT)
        tables.addWidget(self.fields)

        self.items = QTableWidget(0, len(ITEM_COLUMNS))
        self.items.setAccessibleName(self.tr("Receipt items"))
        self.items.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Qty"), self.tr("Unit price"), self.tr("Amount")]
        )
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setMinimumHeight(MIN_TABLE_HEIGHT)
        tables.addWidget(self.items)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)
        layout.addWidget(tables, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.notice, 1)
        self.parse_btn = QPushButton(self.tr("&Parse as receipt"))
        self.parse_btn.setToolTip(self.tr("Read merchant, date, total and items from this text"))
        self.parse_btn.clicked.connect(self.parse_requested)
        self.copy_json_btn = QPushButton(icon("copy"), self.tr("Copy &JSON"))
        self.copy_json_btn.clicked.connect(self.copy_json)
        self.copy_csv_btn = QPushButton(icon("copy"), self.tr("Copy C&SV"))
        self.copy_csv_btn.setToolTip(self.tr("Copy the items as CSV"))
        self.copy_csv_btn.clicked.connect(self.copy_csv)
        buttons.addWidget(self.parse_btn)
        buttons.addWidget(self.copy_json_btn)
        buttons.addWidget(self.copy_csv_btn)
        layout.addLayout(buttons)

        self.fields.itemSelectionChanged.connect(self._on_field_selected)
        self.items.itemSelectionChanged.connect(self._on_item_selected)
        self.fields.itemChanged.connect(self._on_field_edited)
        self.items.itemChanged.connect(self._on_item_edited)
        self.set_receipt(None)

    # -- showing ---------------------------------------------------------------------------
    def set_receipt(self, receipt: Receipt | None, *, can_parse: bool = False) -> None:
        self.receipt = receipt
        self._filling = True
        for row, name in enumerate(FIELD_NAMES):
            found = receipt.fields.get(name) if receipt else None
            cell = self._value_cell(row)
            cell.setText(found.value if found else "")
            cell.setToolTip(
                self.tr("confidence %1 %").replace("%1", f"{found.confidence * 100:.0f}")
                if found
                else self.tr("not found on the receipt")
            )
        items = receipt.items if receipt else []
        self.items.setRowCount(len(items))
        for row, item in enumerate(items):
            values = (item.name, item.quantity or "", item.unit_price or "", item.amount)
            for col, value in enumerate(values):
                self.items.setItem(row, col, QTableWidgetItem(value))
        self._filling = False
        if receipt is None:
            self.notice.setText(
                self.tr("Not parsed as a receipt yet.")
                if can_parse
                else self.tr("No result to parse.")
            )
        elif receipt.warnings:
            self.notice.setText("⚠ " + " · ".join(receipt.warnings))
        else:
            self.notice.setText(
                self.tr("Click a row to see where it was read; double-click to edit.")
            )
        self.notice.setToolTip(self.notice.text())
        self.parse_btn.setVisible(receipt is None)
        self.parse_btn.setEnabled(can_parse)
        self.fields.setEnabled(receipt is not None)
        self.items.setEnabled(receipt is not None)
        self.copy_json_btn.setEnabled(receipt is not None)
        self.copy_csv_btn.setEnabled(receipt is not None)

    def value(self, name: str) -> str:
        """The shown (possibly edited) value of a field."""
        return self._value_cell(FIELD_NAMES.index(name)).text()

    def _value_cell(self, row: int) -> QTableWidgetItem:
        cell = self.fields.item(row, 1)
        if cell is None:  # never: every row gets its cell in __init__
            cell = QTableWidgetItem("")
            self.fields.setItem(row, 1, cell)
        return cell

    # -- rows → boxes ----------------------------------------------------------------------
    def _on_field_selected(self) -> None:
        rows = {i.row() for i in self.fields.selectedItems()}
        if self.receipt is None or not rows:
            return
        found = self.receipt.fields.get(FIELD_NAMES[min(rows)])
        self.boxes_requested.emit(list(found.boxes) if found else [])

    def _on_item_selected(self) -> None:
        rows = {i.row() for i in self.items.selectedItems()}
        if self.receipt is None or not rows or min(rows) >= len(self.receipt.items):
            return
        self.boxes_requested.emit(list(self.receipt.items[min(rows)].boxes))

    # -- edits -----------------------------------------------------------------------------
    def _on_field_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or self.receipt is None or cell.column() != 1:
            return
        name = FIELD_NAMES[cell.row()]
        text = cell.text().strip()
        if not text:
            self.receipt.fields.pop(name, None)
            return
        old = self.receipt.fields.get(name)
        boxes: list[BBox] = list(old.boxes) if old else []
        self.receipt.fields[name] = Field(text, 1.0, boxes)  # the user's word is certain

    def _on_item_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or self.receipt is None or cell.row() >= len(self.receipt.items):
            return
        item: Item = self.receipt.items[cell.row()]
        text = cell.text().strip()
        column = ITEM_COLUMNS[cell.column()]
        if column in ("name", "amount"):
            setattr(item, column, text)
        else:
            setattr(item, column, text or None)
        item.confidence = 1.0

    # -- copying ---------------------------------------------------------------------------
    def as_json(self) -> str:
        data: dict[str, Any] = self.receipt.to_dict() if self.receipt else {}
        return json.dumps(data, ensure_ascii=False, indent=2)

    def copy_json(self) -> None:
        if self.receipt is not None:
            QGuiApplication.clipboard().setText(self.as_json())
            self.message.emit(self.tr("Copied the receipt as JSON"))

    def copy_csv(self) -> None:
        if self.receipt is not None:
            QGuiApplication.clipboard().setText(receipt_csv(self.receipt))
            self.message.emit(self.tr("Copied the receipt items as CSV"))
