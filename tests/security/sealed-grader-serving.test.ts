import { prepareForServing } from "@/lib/grader/grade-source";
import { describeSealedGrader } from "./sealed-grader-cases";

// As a grader worker process serves: isolates prepared and warmed ahead, the compiler on its own thread.
prepareForServing();

describeSealedGrader("prepared, warmed isolates and the compiler thread, as a worker serves");
