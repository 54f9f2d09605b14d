/**
 * 示例城市 — the demo city: Zhuzhou as its daily paper described it on 28 February 2023, loaded
 * into an empty database when {@code civicdesk.demo.enabled} is on. It records the city's
 * organisations, people and accounts, its meetings, the matters raised at them, its charity's 2022,
 * its map of places and honours, its call for choir members, its CDC's alert, its special-bond reserve
 * and the patent fair's deals through each
 * module's public commands, acting as the demo account that would do the work in reality and at the
 * moments the paper gives, so every record passes the checks, audit entries and events of the
 * module's own API and no workflow exists twice. Where the paper names something, the demo says what
 * it says; every record the paper only counts (the single donations behind a total, the unnamed
 * breakfast guests, the unnamed teaching points, the problems and suggestions behind a count) is
 * generated and marked 示例 (example), flagged so and titled so, and adds up exactly to the paper's
 * figures. No module depends on this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package org.civicdesk.demo;
