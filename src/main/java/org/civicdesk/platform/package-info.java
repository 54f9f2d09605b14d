/**
 * The platform: sign-in (form login for people, bearer tokens for other systems), login
 * throttling, languages, request ids and the page shell. It holds no
 * domain of its own and reaches the directory only through its public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.civicdesk.platform;
