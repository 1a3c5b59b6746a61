"""LBS Desk: referral, plan and monthly-sheet tracking for Ontario LBS agencies, offline.

This module is the one source of the program's identity.
"""

APP_NAME = "LBS Desk"
ORG_NAME = "LBS Desk"
APP_ID = "lbsdesk"
__version__ = "0.1.0"
