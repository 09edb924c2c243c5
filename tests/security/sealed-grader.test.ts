import { describeSealedGrader } from "./sealed-grader-cases";

describeSealedGrader("fresh isolates built per job, as the CLI grades");
