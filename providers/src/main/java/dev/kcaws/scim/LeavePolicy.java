package dev.kcaws.scim;

/** What happens in Identity Center to a user who left the pushed scope. */
public enum LeavePolicy { DEACTIVATE, DELETE }
