/**
 * Shared kernel: the few types every module speaks — roles, the acting person, and the
 * problem that a refused request reports. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.civicdesk.shared;
