/**
 * 专项债项目储备与专利转化 — the special-bond project reserve and technology-transfer deals. The city
 * declares special-bond projects (专项债项目) in batches (申报批次); each batch has a checklist of the
 * approvals (审批要件) its projects need before they are declared, and each project moves forward
 * through the stages of the reserve, from proposed to completed. Technology-transfer deals (专利转化)
 * record who transferred, licensed or contributed a patent to whom, at which event (a fair such as
 * the provincial patent-transfer fair) and for how much, with figures by form, by kind of party and
 * by event. Other modules give commands through {@link org.civicdesk.projects.Projects}; the search
 * reads the public projects and deals through the shared public-content mechanism.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects and technology transfer")
package org.civicdesk.projects;
