"""Approved tables for analysts, and the disclosure control every aggregate passes through."""
