"""Stage 5, outputs: pages and files made from data (calendars, open data, QR codes, identity CSS), the CSP, the address."""
