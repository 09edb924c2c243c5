import { assignmentSettings } from "../schema";

export const updateAssignmentBody = assignmentSettings.partial().refine((b) => Object.keys(b).length > 0, "nothing to change");
