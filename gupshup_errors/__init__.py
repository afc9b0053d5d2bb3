"""Bilingual Gupshup WhatsApp API error-code reference."""
