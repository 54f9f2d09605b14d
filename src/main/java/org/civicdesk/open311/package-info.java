/**
 * Open311 GeoReport v2 (开放311) at {@code /open311/v2/}: other city systems and apps such as FixMyStreet
 * list the services (the appeal categories), submit requests with a key an administrator issued, each of
 * which becomes a resident's appeal, and follow them as the appeal is handled. The public map of reported
 * appeals shows the same reports to residents. Only the public copies of appeals are ever read out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311 and the map of reports")
package org.civicdesk.open311;
